import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PROD, appError, fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/renderApp";
import { VALUE_PLACEHOLDER } from "./OverrideSecretsDialog";
import { environmentRow, openEnvironmentsPage, openOverrides, overrideRow } from "./testing";

const PROD_KEY = "sk-prod-override-123";
const PROD_PASSWORD = "pw-prod-restricted-456";

function seed() {
  return installFakeBackend({
    secrets: [
      fakeSecret("API_KEY", { value: "sk-default", overrides: { [PROD]: PROD_KEY } }),
      fakeSecret("DB_PASSWORD", { visibility: "restricted", value: "pw-default", overrides: { [PROD]: PROD_PASSWORD } }),
      fakeSecret("SENTRY_DSN", { value: "dsn-default" }),
      fakeSecret("WEBHOOK_SECRET", { value: null }),
    ],
  });
}

const idOf = (backend: ReturnType<typeof seed>, name: string) =>
  backend.secrets.find((secret) => secret.name === name)?.id;

afterEach(() => {
  vi.useRealTimers();
});

describe("Override Secrets", () => {
  it("lists every secret with its visibility, default and state, and never a value", async () => {
    seed();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);
    const dialog = await openOverrides(user, "Production");

    const rows = within(dialog).getAllByTestId("override-row");
    expect(rows.map((row) => row.dataset.name)).toEqual(["API_KEY", "DB_PASSWORD", "SENTRY_DSN", "WEBHOOK_SECRET"]);
    expect(overrideRow(dialog, "API_KEY")).toHaveTextContent("Masked");
    expect(overrideRow(dialog, "API_KEY")).toHaveTextContent("Default: set");
    expect(overrideRow(dialog, "API_KEY")).toHaveTextContent("Overridden");
    expect(overrideRow(dialog, "DB_PASSWORD")).toHaveTextContent("Restricted");
    expect(overrideRow(dialog, "DB_PASSWORD")).toHaveTextContent("Overridden");
    expect(overrideRow(dialog, "SENTRY_DSN")).toHaveTextContent("Uses default");
    expect(overrideRow(dialog, "WEBHOOK_SECRET")).toHaveTextContent("Default: missing");
    expect(overrideRow(dialog, "WEBHOOK_SECRET")).toHaveTextContent("Missing");

    for (const name of ["API_KEY", "DB_PASSWORD", "SENTRY_DSN", "WEBHOOK_SECRET"]) {
      const input = within(dialog).getByLabelText(`Value for ${name}`);
      expect(input).toHaveValue("");
      expect(input).toHaveAttribute("placeholder", VALUE_PLACEHOLDER);
    }
    expect(within(dialog).getByLabelText("Value for API_KEY")).toHaveFocus();
    expect(document.body.innerHTML).not.toContain(PROD_KEY);
    expect(document.body.innerHTML).not.toContain(PROD_PASSWORD);
    // "Use default" only where there is an override to remove.
    expect(within(overrideRow(dialog, "API_KEY")).getByRole("button", { name: "Use default" })).toBeInTheDocument();
    expect(within(overrideRow(dialog, "SENTRY_DSN")).queryByRole("button", { name: "Use default" })).toBeNull();
    expect(within(dialog).getByRole("button", { name: "Save" })).toBeDisabled();
  });

  it("saves every entered value and removal in one overrides_save call", async () => {
    const backend = seed();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);
    const dialog = await openOverrides(user, "Production");

    await user.type(within(dialog).getByLabelText("Value for SENTRY_DSN"), "dsn-prod");
    await user.type(within(dialog).getByLabelText("Value for WEBHOOK_SECRET"), "whsec $x {{y}");
    await user.type(within(dialog).getByLabelText("Value for DB_PASSWORD"), "pw-new");
    await user.click(within(overrideRow(dialog, "API_KEY")).getByRole("button", { name: "Use default" }));
    expect(overrideRow(dialog, "API_KEY")).toHaveTextContent("Will use default");
    expect(within(dialog).getByLabelText("Value for API_KEY")).toBeDisabled();
    expect(dialog).toHaveTextContent("4 changes to save");

    const listsBefore = backend.callsTo("secret_list").length;
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.callsTo("overrides_save")).toEqual([
      {
        cmd: "overrides_save",
        args: {
          projectId: "p-1",
          environmentId: PROD,
          edits: [
            { secretId: idOf(backend, "API_KEY"), remove: true },
            { secretId: idOf(backend, "DB_PASSWORD"), value: "pw-new" },
            { secretId: idOf(backend, "SENTRY_DSN"), value: "dsn-prod" },
            { secretId: idOf(backend, "WEBHOOK_SECRET"), value: "whsec $x {y}" },
          ],
        },
      },
    ]);
    // The page shows the rows the save answered: Production now overrides three secrets.
    expect(environmentRow("Production")).toHaveTextContent("3 overrides");
    expect(backend.callsTo("secret_list")).toHaveLength(listsBefore);
  });

  it("sends only a removal for 'Use default', and Undo takes it back", async () => {
    const backend = seed();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);
    const dialog = await openOverrides(user, "Production");

    const row = overrideRow(dialog, "API_KEY");
    await user.click(within(row).getByRole("button", { name: "Use default" }));
    await user.click(within(row).getByRole("button", { name: "Undo" }));
    expect(within(dialog).getByRole("button", { name: "Save" })).toBeDisabled();
    await user.click(within(row).getByRole("button", { name: "Use default" }));
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(backend.callsTo("overrides_save")).toHaveLength(1));
    expect(backend.callsTo("overrides_save")[0]?.args.edits).toEqual([
      { secretId: idOf(backend, "API_KEY"), remove: true },
    ]);
  });

  it("reveals a Masked override for its environment and drops it from the DOM when hidden", async () => {
    const backend = seed();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);
    const dialog = await openOverrides(user, "Production");

    const reveal = within(overrideRow(dialog, "API_KEY")).getByRole("button", { name: "Reveal API_KEY in Production" });
    await user.click(reveal);
    await waitFor(() => expect(overrideRow(dialog, "API_KEY")).toHaveTextContent(PROD_KEY));
    expect(backend.callsTo("secret_reveal")).toEqual([
      {
        cmd: "secret_reveal",
        args: { projectId: "p-1", secretId: idOf(backend, "API_KEY"), environmentId: PROD },
      },
    ]);

    // Escape hides the value first; the dialog stays open.
    await user.keyboard("{Escape}");
    expect(document.body.innerHTML).not.toContain(PROD_KEY);
    expect(screen.getByRole("dialog")).toBeInTheDocument();

    // Mouse-out hides it too.
    await user.click(reveal);
    await waitFor(() => expect(overrideRow(dialog, "API_KEY")).toHaveTextContent(PROD_KEY));
    await user.unhover(reveal);
    expect(document.body.innerHTML).not.toContain(PROD_KEY);
  });

  it("hides a revealed override after 5 seconds", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    seed();
    const { user } = await renderApp({ advanceTimers: vi.advanceTimersByTime });
    await openEnvironmentsPage(user);
    const dialog = await openOverrides(user, "Production");

    await user.click(within(overrideRow(dialog, "API_KEY")).getByRole("button", { name: /^Reveal/ }));
    await waitFor(() => expect(overrideRow(dialog, "API_KEY")).toHaveTextContent(PROD_KEY));
    await act(() => vi.advanceTimersByTimeAsync(5100));
    expect(document.body.innerHTML).not.toContain(PROD_KEY);
  });

  it("never offers to reveal a Restricted override", async () => {
    const backend = seed();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);
    const dialog = await openOverrides(user, "Production");

    const row = overrideRow(dialog, "DB_PASSWORD");
    expect(within(row).queryByRole("button", { name: /Reveal/ })).toBeNull();
    expect(row).toHaveTextContent("Restricted: write-only, never shown");
    await user.hover(row);
    await user.click(row);
    expect(backend.callsTo("secret_reveal")).toHaveLength(0);
    expect(document.body.innerHTML).not.toContain(PROD_PASSWORD);
  });

  it("keeps the dialog and every entry when the save is refused", async () => {
    const backend = seed();
    backend.override("overrides_save", () => {
      throw appError("invalid", "a value is at most 64 KiB", "value");
    });
    const { user } = await renderApp();
    await openEnvironmentsPage(user);
    const dialog = await openOverrides(user, "Production");

    await user.type(within(dialog).getByLabelText("Value for SENTRY_DSN"), "dsn-prod");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("a value is at most 64 KiB");
    expect(within(dialog).getByLabelText("Value for SENTRY_DSN")).toHaveValue("dsn-prod");
    expect(within(dialog).getByRole("button", { name: "Save" })).toBeEnabled();
    expect(environmentRow("Production")).toHaveTextContent("2 overrides");
  });

  it("closes on Escape and on Cancel without saving, and gives focus back", async () => {
    const backend = seed();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);
    const opener = within(environmentRow("Development")).getByRole("button", { name: "Override Secrets" });

    let dialog = await openOverrides(user, "Development");
    await user.type(within(dialog).getByLabelText("Value for API_KEY"), "typed");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(opener).toHaveFocus();

    dialog = await openOverrides(user, "Development");
    expect(within(dialog).getByLabelText("Value for API_KEY")).toHaveValue("");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(backend.callsTo("overrides_save")).toHaveLength(0);
  });

  it("keeps Tab inside the dialog", async () => {
    seed();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);
    const dialog = await openOverrides(user, "Production");

    for (let step = 0; step < 20; step++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
  });
});
