import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appError, installFakeBackend, PROJECT_ID } from "../../test/fakeBackend";
import { renderApp } from "../../test/renderApp";
import { installFakeSteps } from "../steps/testing";

function rows() {
  return Array.from(document.querySelectorAll<HTMLTableRowElement>('[data-testid="variable-row"]')).map((row) => [
    row.dataset.name,
    row.cells[1]?.textContent,
  ]);
}

describe("the Variables page", () => {
  it("adds, edits and deletes project variables", async () => {
    const backend = installFakeBackend();
    installFakeSteps(backend, { variables: [{ name: "TENANT", value: "acme" }] });
    const { user } = await renderApp();
    await user.click(screen.getByRole("link", { name: "Variables" }));
    await screen.findByRole("heading", { level: 1, name: "Variables" });
    await screen.findByTestId("variables-table");
    expect(rows()).toEqual([["TENANT", "acme"]]);

    await user.click(screen.getByRole("button", { name: "New Variable" }));
    let dialog = await screen.findByRole("dialog", { name: "New Variable" });
    await user.type(within(dialog).getByLabelText("Name"), "1BAD");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(within(dialog).getByText("Start with a letter or an underscore.")).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText("Name"));
    await user.type(within(dialog).getByLabelText("Name"), "BASE_URL");
    await user.type(within(dialog).getByLabelText("Value"), "https://api.example.com");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(rows()).toEqual([["BASE_URL", "https://api.example.com"], ["TENANT", "acme"]]));
    expect(backend.callsTo("variable_set")[0]?.args).toEqual({
      projectId: PROJECT_ID,
      name: "BASE_URL",
      value: "https://api.example.com",
    });

    await user.click(screen.getByRole("button", { name: "Edit TENANT" }));
    dialog = await screen.findByRole("dialog", { name: "Edit variable TENANT" });
    expect(within(dialog).getByLabelText("Name")).toHaveAttribute("readonly");
    await user.clear(within(dialog).getByLabelText("Value"));
    await user.type(within(dialog).getByLabelText("Value"), "globex");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(rows()).toContainEqual(["TENANT", "globex"]));

    await user.click(screen.getByRole("button", { name: "Delete BASE_URL" }));
    dialog = await screen.findByRole("dialog", { name: "Delete variable BASE_URL?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(rows()).toEqual([["TENANT", "globex"]]));
    expect(backend.callsTo("variable_delete")[0]?.args).toEqual({ projectId: PROJECT_ID, name: "BASE_URL" });
  });

  it("shows the back end's refusal under the field it names", async () => {
    const backend = installFakeBackend();
    installFakeSteps(backend);
    backend.override("variable_set", () => {
      throw appError("conflict", "a secret named API_KEY already exists in this project", "name");
    });
    const { user } = await renderApp();
    await user.click(screen.getByRole("link", { name: "Variables" }));
    await screen.findByText("No variables yet");
    await user.click(screen.getAllByRole("button", { name: "New Variable" })[0] as HTMLElement);
    const dialog = await screen.findByRole("dialog", { name: "New Variable" });
    await user.type(within(dialog).getByLabelText("Name"), "API_KEY");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText("a secret named API_KEY already exists in this project")).toBeInTheDocument();
  });
});
