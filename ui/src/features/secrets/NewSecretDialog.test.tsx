import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appError, fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp, rowNames } from "../../test/renderApp";

function topBarNewSecret() {
  return within(screen.getByRole("banner")).getByRole("button", { name: "New Secret" });
}

describe("New Secret modal", () => {
  it("creates a secret with the exact payload, closes, and shows the new row", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("EXISTING")] });
    const { user } = await renderApp();

    await user.click(topBarNewSecret());
    const dialog = await screen.findByRole("dialog", { name: "New Secret" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(within(dialog).getByLabelText("Name")).toHaveFocus();
    expect(within(dialog).getByLabelText("Masked")).toBeChecked();

    await user.type(within(dialog).getByLabelText("Name"), "DB_PASSWORD");
    await user.type(within(dialog).getByLabelText("Value"), "s3cr$t with $HOME");
    await user.click(within(dialog).getByLabelText("Restricted"));
    await user.click(within(dialog).getByRole("button", { name: "Create Secret" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.callsTo("secret_create")).toEqual([
      {
        cmd: "secret_create",
        args: { projectId: "p-1", input: { name: "DB_PASSWORD", value: "s3cr$t with $HOME", visibility: "restricted" } },
      },
    ]);
    await waitFor(() => expect(rowNames()).toEqual(["DB_PASSWORD", "EXISTING"]));
    // Focus goes back to the button that opened the modal.
    expect(topBarNewSecret()).toHaveFocus();
  });

  it("shows the back end's error under Name and keeps the modal open", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("TAKEN")] });
    const { user } = await renderApp();

    await user.click(topBarNewSecret());
    const dialog = await screen.findByRole("dialog", { name: "New Secret" });
    await user.type(within(dialog).getByLabelText("Name"), "TAKEN");
    await user.type(within(dialog).getByLabelText("Value"), "x");
    await user.click(within(dialog).getByRole("button", { name: "Create Secret" }));

    const name = within(dialog).getByLabelText("Name");
    await waitFor(() => expect(name).toHaveAccessibleDescription("A secret named TAKEN already exists"));
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("dialog", { name: "New Secret" })).toBeInTheDocument();
    expect(backend.callsTo("secret_create")).toHaveLength(1);

    // Typing again clears the back end's message.
    await user.type(name, "_2");
    expect(within(dialog).queryByText("A secret named TAKEN already exists")).toBeNull();
  });

  it("shows an error without a field at the top of the modal", async () => {
    const backend = installFakeBackend();
    backend.override("secret_create", () => {
      throw appError("io", "The vault file could not be written");
    });
    const { user } = await renderApp();

    await user.click(topBarNewSecret());
    const dialog = await screen.findByRole("dialog", { name: "New Secret" });
    await user.type(within(dialog).getByLabelText("Name"), "OK_NAME");
    await user.click(within(dialog).getByRole("button", { name: "Create Secret" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("The vault file could not be written");
  });

  it("puts a back-end value error under Value", async () => {
    const backend = installFakeBackend();
    backend.override("secret_create", () => {
      throw appError("invalid", "Value is too large", "value");
    });
    const { user } = await renderApp();

    await user.click(topBarNewSecret());
    const dialog = await screen.findByRole("dialog", { name: "New Secret" });
    await user.type(within(dialog).getByLabelText("Name"), "BIG");
    await user.type(within(dialog).getByLabelText("Value"), "x");
    await user.click(within(dialog).getByRole("button", { name: "Create Secret" }));
    await waitFor(() => expect(within(dialog).getByLabelText("Value")).toHaveAccessibleDescription("Value is too large"));
  });

  it("checks the name rule instantly and does not send an invalid name", async () => {
    const backend = installFakeBackend();
    const { user } = await renderApp();

    await user.click(topBarNewSecret());
    const dialog = await screen.findByRole("dialog", { name: "New Secret" });
    const name = within(dialog).getByLabelText("Name");
    await user.type(name, "9LIVES");
    expect(name).toHaveAccessibleDescription("Start with a letter or an underscore.");
    await user.clear(name);
    await user.type(name, "HAS-DASH");
    expect(name).toHaveAccessibleDescription(/Use only letters, digits and underscores/);
    await user.click(within(dialog).getByRole("button", { name: "Create Secret" }));
    expect(backend.callsTo("secret_create")).toHaveLength(0);
    await user.clear(name);
    await user.type(name, "_OK_1");
    expect(name).not.toHaveAttribute("aria-invalid");
  });

  it("submits on Enter in the Name field", async () => {
    const backend = installFakeBackend();
    const { user } = await renderApp();

    await user.click(topBarNewSecret());
    const dialog = await screen.findByRole("dialog", { name: "New Secret" });
    await user.type(within(dialog).getByLabelText("Value"), "v");
    await user.type(within(dialog).getByLabelText("Name"), "FROM_ENTER{Enter}");
    await waitFor(() => expect(backend.callsTo("secret_create")).toHaveLength(1));
    expect(backend.callsTo("secret_create")[0]?.args.input).toEqual({
      name: "FROM_ENTER",
      value: "v",
      visibility: "masked",
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("keeps Enter for new lines in Value and submits on Ctrl+Enter", async () => {
    const backend = installFakeBackend();
    const { user } = await renderApp();

    await user.click(topBarNewSecret());
    const dialog = await screen.findByRole("dialog", { name: "New Secret" });
    await user.type(within(dialog).getByLabelText("Name"), "CERT");
    await user.type(within(dialog).getByLabelText("Value"), "line one{Enter}line two");
    expect(backend.callsTo("secret_create")).toHaveLength(0);
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(backend.callsTo("secret_create")).toHaveLength(1));
    expect(backend.callsTo("secret_create")[0]?.args.input).toMatchObject({ value: "line one\nline two" });
  });

  it("closes on Escape and on Cancel without creating anything", async () => {
    const backend = installFakeBackend();
    const { user } = await renderApp();

    await user.click(topBarNewSecret());
    await user.type(within(await screen.findByRole("dialog")).getByLabelText("Name"), "DRAFT");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(topBarNewSecret()).toHaveFocus();

    await user.click(topBarNewSecret());
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(backend.callsTo("secret_create")).toHaveLength(0);
  });

  it("keeps Tab inside the modal", async () => {
    installFakeBackend();
    const { user } = await renderApp();

    await user.click(topBarNewSecret());
    const dialog = await screen.findByRole("dialog", { name: "New Secret" });
    for (let step = 0; step < 12; step++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    for (let step = 0; step < 12; step++) {
      await user.tab({ shift: true });
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
  });

  it("opens with Ctrl+N and focuses search with / and Ctrl+F", async () => {
    installFakeBackend({ secrets: [fakeSecret("ONE")] });
    const { user } = await renderApp();

    const search = screen.getByRole("searchbox", { name: "Search secrets" });
    await user.keyboard("/");
    expect(search).toHaveFocus();
    expect(search).toHaveValue("");
    // While typing, "/" is just a character.
    await user.keyboard("a/b");
    expect(search).toHaveValue("a/b");
    await user.clear(search);
    search.blur();
    await user.keyboard("{Control>}f{/Control}");
    expect(search).toHaveFocus();

    await user.keyboard("{Control>}n{/Control}");
    expect(await screen.findByRole("dialog", { name: "New Secret" })).toBeInTheDocument();
  });
});
