import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appError, installFakeBackend, PROD } from "../../test/fakeBackend";
import { renderApp } from "../../test/renderApp";
import { fakeStep, installFakeSteps, openStepsPage, type User } from "../steps/testing";

const URL = "https://api.example.com/orders";
const EDITED = "https://api.example.com/v2/orders";

function setup() {
  const backend = installFakeBackend();
  backend.otherProjects = [{ id: "p-2", name: "Sales Agent", secretCount: 0, updatedAt: Date.now() }];
  const first = fakeStep("Fetch order", {
    kind: "api",
    method: "GET",
    url: URL,
    headers: [],
    query: [],
    body: { kind: "none", text: "" },
  });
  const second = fakeStep("Score lead", { kind: "function", code: "return 1", inputs: [] });
  const data = installFakeSteps(backend, { steps: [first, second] });
  return { backend, data, first };
}

/** Opens Steps and types a new URL into the first step, without saving. */
async function editUrl(user: User) {
  await openStepsPage(user);
  const url = within(screen.getByTestId("step-editor")).getByLabelText("URL");
  await user.clear(url);
  await user.type(url, EDITED);
  expect(screen.getByText("Unsaved changes")).toBeInTheDocument();
}

async function prompt() {
  const dialog = await screen.findByRole("dialog", { name: "Unsaved changes" });
  expect(dialog).toHaveTextContent("Step “Fetch order” has changes that are not saved.");
  return dialog;
}

describe("leaving unsaved edits", () => {
  it("asks before the sidebar leaves the step editor; Cancel stays with the edit", async () => {
    const { backend } = setup();
    const { user } = await renderApp();
    await editUrl(user);

    await user.click(screen.getByRole("link", { name: "Secrets" }));
    await user.click(within(await prompt()).getByRole("button", { name: "Cancel" }));

    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("heading", { level: 1, name: "Steps" })).toBeInTheDocument();
    expect(within(screen.getByTestId("step-editor")).getByLabelText("URL")).toHaveValue(EDITED);
    expect(backend.callsTo("step_update")).toEqual([]);
  });

  it("Save saves the edit, then goes where the user asked", async () => {
    const { backend, data, first } = setup();
    const { user } = await renderApp();
    await editUrl(user);

    await user.click(screen.getByRole("link", { name: "Secrets" }));
    await user.click(within(await prompt()).getByRole("button", { name: "Save" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Secrets" })).toBeInTheDocument();
    expect(backend.callsTo("step_update")).toHaveLength(1);
    expect(data.steps.find((step) => step.id === first.id)?.definition).toMatchObject({ url: EDITED });
  });

  it("Discard drops the edit and goes on", async () => {
    const { backend } = setup();
    const { user } = await renderApp();
    await editUrl(user);

    await user.click(screen.getByRole("link", { name: "Variables" }));
    await user.click(within(await prompt()).getByRole("button", { name: "Discard" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Variables" })).toBeInTheDocument();

    await openStepsPage(user);
    expect(within(screen.getByTestId("step-editor")).getByLabelText("URL")).toHaveValue(URL);
    expect(backend.callsTo("step_update")).toEqual([]);
  });

  it("stays when saving fails, with the back end's reason in the editor", async () => {
    const { backend } = setup();
    backend.override("step_update", () => {
      throw appError("invalid", "the URL must start with http:// or https://");
    });
    const { user } = await renderApp();
    await editUrl(user);

    await user.click(screen.getByRole("link", { name: "Secrets" }));
    await user.click(within(await prompt()).getByRole("button", { name: "Save" }));

    expect(await screen.findByText("the URL must start with http:// or https://")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Steps" })).toBeInTheDocument();
    expect(within(screen.getByTestId("step-editor")).getByLabelText("URL")).toHaveValue(EDITED);
  });

  it("asks before opening another step and before switching projects", async () => {
    const { backend } = setup();
    const { user } = await renderApp();
    await editUrl(user);

    const other = screen.getAllByTestId("step-item").find((item) => item.dataset.name === "Score lead");
    await user.click(other as HTMLElement);
    await user.click(within(await prompt()).getByRole("button", { name: "Cancel" }));
    expect(screen.getByTestId("step-editor")).toHaveAttribute("data-name", "Fetch order");

    await user.click(screen.getByTestId("project-switcher"));
    await user.click(screen.getByRole("menuitemradio", { name: "Sales Agent" }));
    await user.click(within(await prompt()).getByRole("button", { name: "Cancel" }));
    expect(backend.callsTo("project_select")).toEqual([]);

    await user.click(screen.getByTestId("project-switcher"));
    await user.click(screen.getByRole("menuitemradio", { name: "Sales Agent" }));
    await user.click(within(await prompt()).getByRole("button", { name: "Discard" }));
    await waitFor(() => expect(backend.callsTo("project_select")).toHaveLength(1));
  });

  it("keeps the edit through an environment switch without asking (the editor stays)", async () => {
    setup();
    const { user } = await renderApp();
    await editUrl(user);

    await user.selectOptions(screen.getByTestId("environment-select"), PROD);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(within(screen.getByTestId("step-editor")).getByLabelText("URL")).toHaveValue(EDITED);
  });

  it("does not ask when nothing is unsaved", async () => {
    setup();
    const { user } = await renderApp();
    await openStepsPage(user);
    await user.click(screen.getByRole("link", { name: "Secrets" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Secrets" })).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
