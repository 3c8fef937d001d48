import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/renderApp";
import { fakeStep, installFakeSteps, openStepsPage } from "../steps/testing";

afterEach(() => {
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});

function setup() {
  const backend = installFakeBackend({ secrets: [fakeSecret("DB_PASSWORD"), fakeSecret("OPENAI_API_KEY")] });
  const lookup = fakeStep("Lookup order", {
    kind: "api",
    method: "GET",
    url: "https://api.example.com/orders",
    headers: [],
    query: [],
    body: { kind: "none", text: "" },
  });
  const score = fakeStep("Score lead", { kind: "function", code: "return 1", inputs: [] });
  installFakeSteps(backend, { steps: [lookup, score] });
  return backend;
}

async function openPalette(user: Awaited<ReturnType<typeof renderApp>>["user"]) {
  await user.keyboard("{Control>}k{/Control}");
  const dialog = await screen.findByRole("dialog", { name: "Command palette" });
  const combobox = within(dialog).getByRole("combobox", { name: "Go to or run" });
  expect(combobox).toHaveFocus();
  return { dialog, combobox };
}

function optionNames(dialog: HTMLElement): string[] {
  return within(dialog)
    .getAllByRole("option")
    .map((option) => option.firstElementChild?.textContent ?? "");
}

describe("the command palette", () => {
  it("goes to a secret: typing filters, Enter picks, the table shows it", async () => {
    setup();
    const { user } = await renderApp();
    const { dialog, combobox } = await openPalette(user);

    await within(dialog).findByRole("option", { name: /DB_PASSWORD/ });
    await user.type(combobox, "key");
    // Names starting with what was typed come first.
    expect(optionNames(dialog)).toEqual(["Keyboard shortcuts", "OPENAI_API_KEY"]);
    await user.clear(combobox);
    await user.type(combobox, "openai");
    expect(optionNames(dialog)).toEqual(["OPENAI_API_KEY"]);
    expect(combobox).toHaveAttribute("aria-activedescendant", within(dialog).getByRole("option").id);
    await user.keyboard("{Enter}");

    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("searchbox", { name: "Search secrets" })).toHaveValue("OPENAI_API_KEY");
    expect(screen.getAllByTestId("secret-row").map((row) => row.dataset.name)).toEqual(["OPENAI_API_KEY"]);
  });

  it("moves the highlight with the arrow keys", async () => {
    setup();
    const { user } = await renderApp();
    const { dialog, combobox } = await openPalette(user);
    await user.type(combobox, "go to");
    expect(optionNames(dialog)).toEqual(["Go to Secrets", "Go to Environments", "Go to Steps", "Go to Variables"]);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(within(dialog).getByRole("option", { name: /Go to Steps/ })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowUp}{ArrowUp}{ArrowUp}");
    expect(within(dialog).getByRole("option", { name: /Go to Variables/ })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Variables" })).toBeInTheDocument();
  });

  it("opens a step and runs New Step", async () => {
    setup();
    const { user } = await renderApp();
    let { combobox } = await openPalette(user);
    await user.type(combobox, "score");
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Steps" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("step-editor")).toHaveAttribute("data-name", "Score lead"));

    ({ combobox } = await openPalette(user));
    await user.type(combobox, "new step");
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("dialog", { name: "New Step" })).toBeInTheDocument();
  });

  it("switches the theme", async () => {
    setup();
    const { user } = await renderApp();
    const { combobox } = await openPalette(user);
    await user.type(combobox, "theme: dark");
    await user.keyboard("{Enter}");
    expect(document.documentElement).toHaveAttribute("data-theme", "dark");
  });

  it("opens from inside a text field, closes with Escape and gives the focus back", async () => {
    setup();
    const { user } = await renderApp();
    const search = screen.getByRole("searchbox", { name: "Search secrets" });
    await user.click(search);
    const { dialog } = await openPalette(user);
    // Focus stays inside while open.
    await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(search).toHaveFocus();
  });

  it("asks before a palette jump drops unsaved step edits", async () => {
    setup();
    const { user } = await renderApp();
    await openStepsPage(user);
    const url = within(screen.getByTestId("step-editor")).getByLabelText("URL");
    await user.type(url, "/v2");
    const { combobox } = await openPalette(user);
    await user.type(combobox, "score");
    await user.keyboard("{Enter}");
    const prompt = await screen.findByRole("dialog", { name: "Unsaved changes" });
    await user.click(within(prompt).getByRole("button", { name: "Cancel" }));
    expect(screen.getByTestId("step-editor")).toHaveAttribute("data-name", "Lookup order");
    expect(url).toHaveValue("https://api.example.com/orders/v2");
  });
});

describe("global shortcuts", () => {
  it("Ctrl+N opens New Secret from another page, but not while typing in a step field", async () => {
    setup();
    const { user } = await renderApp();
    await openStepsPage(user);
    const url = within(screen.getByTestId("step-editor")).getByLabelText("URL");
    await user.click(url);
    await user.keyboard("{Control>}n{/Control}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("heading", { level: 1, name: "Steps" })).toBeInTheDocument();

    url.blur();
    await user.keyboard("{Control>}n{/Control}");
    expect(await screen.findByRole("dialog", { name: "New Secret" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Secrets" })).toBeInTheDocument();
  });

  it("? lists the shortcuts; typed in a field it is just a character", async () => {
    setup();
    const { user } = await renderApp();
    const search = screen.getByRole("searchbox", { name: "Search secrets" });
    await user.type(search, "?");
    expect(search).toHaveValue("?");
    expect(screen.queryByRole("dialog")).toBeNull();

    search.blur();
    await user.keyboard("?");
    const help = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(within(help).getByText("Ctrl+K")).toBeInTheDocument();
    expect(within(help).getByText("Ctrl+N")).toBeInTheDocument();
    expect(within(help).getByText("/")).toBeInTheDocument();
    await user.click(within(help).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("does nothing while a dialog is open", async () => {
    setup();
    const { user } = await renderApp();
    await user.click(screen.getByRole("button", { name: "New Secret" }));
    const dialog = await screen.findByRole("dialog", { name: "New Secret" });
    await user.keyboard("{Control>}k{/Control}");
    expect(screen.getAllByRole("dialog")).toEqual([dialog]);
  });
});
