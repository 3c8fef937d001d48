import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appError, fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp, rowOf } from "../../test/renderApp";

async function openEdit(user: Awaited<ReturnType<typeof renderApp>>["user"], name: string) {
  await user.click(within(rowOf(name)).getByTestId("row-menu"));
  await user.click(screen.getByRole("menuitem", { name: "Edit" }));
  return screen.findByRole("dialog", { name: `Edit ${name}` });
}

describe("Edit modal", () => {
  it("never pre-fills the value and sends null for an empty one", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("API_KEY", { value: "old-value" })] });
    const id = backend.secrets[0]?.id;
    const { user } = await renderApp();

    const dialog = await openEdit(user, "API_KEY");
    const value = within(dialog).getByLabelText("Value");
    expect(value).toHaveValue("");
    expect(value).toHaveAttribute("placeholder", "Leave empty to keep the current value");
    expect(value).toHaveFocus();
    expect(dialog).not.toHaveTextContent("old-value");
    expect(within(dialog).getByLabelText("Masked")).toBeChecked();

    await user.click(within(dialog).getByLabelText("Restricted"));
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.callsTo("secret_update")).toEqual([
      {
        cmd: "secret_update",
        args: { projectId: "p-1", secretId: id, input: { value: null, visibility: "restricted" } },
      },
    ]);
    await waitFor(() => expect(within(rowOf("API_KEY")).getByText("Restricted")).toBeInTheDocument());
  });

  it("sends a new value and keeps the visibility (null) when it did not change", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("API_KEY")] });
    const { user } = await renderApp();

    const dialog = await openEdit(user, "API_KEY");
    await user.type(within(dialog).getByLabelText("Value"), "new-value");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(backend.callsTo("secret_update")).toHaveLength(1));
    expect(backend.callsTo("secret_update")[0]?.args.input).toEqual({ value: "new-value", visibility: null });
  });

  it("requires a new value to turn Restricted into Masked", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("DB_PASSWORD", { visibility: "restricted" })] });
    const { user } = await renderApp();

    const dialog = await openEdit(user, "DB_PASSWORD");
    expect(within(dialog).getByLabelText("Restricted")).toBeChecked();
    expect(within(dialog).getByLabelText("Value")).toHaveAttribute(
      "placeholder",
      "Leave empty to keep the current value",
    );
    const save = within(dialog).getByRole("button", { name: "Save" });
    expect(save).toBeEnabled();

    await user.click(within(dialog).getByLabelText("Masked"));
    expect(save).toBeDisabled();
    expect(within(dialog).getByRole("note")).toHaveTextContent("enter a new value");
    // Enter does not get around the disabled button.
    await user.click(within(dialog).getByLabelText("Masked"));
    await user.keyboard("{Enter}");
    expect(backend.callsTo("secret_update")).toHaveLength(0);

    await user.type(within(dialog).getByLabelText("Value"), "fresh");
    expect(save).toBeEnabled();
    await user.click(save);
    await waitFor(() => expect(backend.callsTo("secret_update")).toHaveLength(1));
    expect(backend.callsTo("secret_update")[0]?.args.input).toEqual({ value: "fresh", visibility: "masked" });
  });

  it("shows the back end's value error under Value", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("API_KEY")] });
    backend.override("secret_update", () => {
      throw appError("invalid", "A Masked secret needs a value", "value");
    });
    const { user } = await renderApp();

    const dialog = await openEdit(user, "API_KEY");
    await user.type(within(dialog).getByLabelText("Value"), "x");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText("Value")).toHaveAccessibleDescription(/A Masked secret needs a value/),
    );
    expect(screen.getByRole("dialog", { name: "Edit API_KEY" })).toBeInTheDocument();
  });

  it("closes on Escape and returns focus to the row's menu button", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("API_KEY")] });
    const { user } = await renderApp();

    await openEdit(user, "API_KEY");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(within(rowOf("API_KEY")).getByTestId("row-menu")).toHaveFocus();
    expect(backend.callsTo("secret_update")).toHaveLength(0);
  });
});
