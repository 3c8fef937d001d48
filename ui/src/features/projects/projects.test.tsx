import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DotenvSelection, ImportReport } from "../../ipc/types";
import { DEV, PROD, fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp, rowNames } from "../../test/renderApp";

async function openSwitcher(user: Awaited<ReturnType<typeof renderApp>>["user"]) {
  await user.click(screen.getByTestId("project-switcher"));
  return screen.getByRole("menu", { name: "Projects" });
}

describe("project switcher", () => {
  it("lists the projects, switches (remembered by the back end) and creates a new one", async () => {
    const backend = installFakeBackend();
    backend.otherProjects = [{ id: "p-2", name: "Billing Bot", secretCount: 3, updatedAt: Date.now() }];
    const { user } = await renderApp();
    expect(screen.getByTestId("project-switcher")).toHaveTextContent("Support Agent");

    const menu = await openSwitcher(user);
    const options = within(menu).getAllByRole("menuitemradio");
    expect(options.map((option) => option.textContent)).toEqual(["Billing Bot", "✓Support Agent"]);
    expect(options[1]).toHaveAttribute("aria-checked", "true");
    await user.click(options[0]!);
    await waitFor(() => expect(screen.getByTestId("project-switcher")).toHaveTextContent("Billing Bot"));
    expect(backend.callsTo("project_select")[0]?.args).toEqual({ projectId: "p-2" });

    await openSwitcher(user);
    await user.click(screen.getByRole("menuitem", { name: "New project" }));
    const dialog = screen.getByRole("dialog", { name: "New project" });
    await user.click(within(dialog).getByRole("button", { name: "Create project" }));
    expect(await within(dialog).findByText("a project name is required")).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText("Name"), "Travel Agent");
    await user.click(within(dialog).getByRole("button", { name: "Create project" }));
    await waitFor(() => expect(screen.getByTestId("project-switcher")).toHaveTextContent("Travel Agent"));
    expect(backend.callsTo("project_create").at(-1)?.args).toEqual({ name: "Travel Agent" });
  });

  it("asks before deleting, naming the project", async () => {
    const backend = installFakeBackend();
    backend.otherProjects = [{ id: "p-2", name: "Billing Bot", secretCount: 0, updatedAt: Date.now() }];
    const { user } = await renderApp();
    await openSwitcher(user);
    await user.click(screen.getByRole("menuitem", { name: "Delete" }));
    const dialog = screen.getByRole("dialog", { name: "Delete project Support Agent?" });
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.getByTestId("project-switcher")).toHaveTextContent("Billing Bot"));
    expect(backend.callsTo("project_delete")[0]?.args).toEqual({ projectId: "p-1" });
  });

  it("exports through the back end's dialog and says where", async () => {
    const backend = installFakeBackend();
    backend.override("project_export", () => "/home/me/support.agent-secrets.json");
    const { user } = await renderApp();
    await openSwitcher(user);
    await user.click(screen.getByRole("menuitem", { name: "Export" }));
    expect(await screen.findByText(/Exported Support Agent \(names only\) to \/home\/me/)).toBeInTheDocument();
    expect(backend.callsTo("project_export")[0]?.args).toEqual({ projectId: "p-1" });
  });
});

describe("import and guided re-entry", () => {
  it("says how many secrets need values and walks through them with skip and back", async () => {
    const backend = installFakeBackend({
      secrets: [
        fakeSecret("API_KEY", { value: null, pendingDefault: true, pendingIn: [PROD] }),
        fakeSecret("DB_PASSWORD", { value: null, visibility: "restricted", pendingDefault: true }),
        fakeSecret("SET_ALREADY"),
      ],
    });
    const report: ImportReport = {
      project: { id: "p-9", name: "Imported", secretCount: 3, updatedAt: Date.now() },
      needsValues: 2,
      pendingValues: 3,
    };
    backend.override("project_import", () => {
      backend.otherProjects = [...backend.otherProjects, report.project];
      return report;
    });
    const { user } = await renderApp();
    await openSwitcher(user);
    await user.click(screen.getByRole("menuitem", { name: "Import" }));
    await waitFor(() => expect(screen.getByTestId("project-switcher")).toHaveTextContent("Imported"));
    expect(await screen.findByText("Imported Imported: 2 secrets need values.")).toBeInTheDocument();
    const banner = screen.getByTestId("needs-values-banner");
    expect(banner).toHaveTextContent("2 secrets need values");

    // The Needs value filter shows what is left.
    await user.click(screen.getByRole("button", { name: /Needs value/ }));
    expect(rowNames()).toEqual(["API_KEY", "DB_PASSWORD"]);

    await user.click(within(banner).getByRole("button", { name: "Enter values" }));
    const dialog = screen.getByRole("dialog", { name: "Enter values" });
    const step = () => ({
      progress: within(dialog).getByText(/of 3$/).textContent,
      name: within(dialog).getByTestId("reentry-name").textContent,
      environment: within(dialog).getByTestId("reentry-environment").textContent,
    });
    expect(step()).toEqual({ progress: "1 of 3", name: "API_KEY", environment: "Default" });
    const save = within(dialog).getByRole("button", { name: "Save & next" });
    expect(save).toBeDisabled();
    await user.type(within(dialog).getByLabelText("Value"), "sk-default");
    await user.click(save);
    expect(step()).toEqual({ progress: "2 of 3", name: "API_KEY", environment: "Production" });
    expect(within(dialog).getByLabelText("Value")).toHaveValue("");
    await user.click(within(dialog).getByRole("button", { name: "Skip" }));
    expect(step()).toEqual({ progress: "3 of 3", name: "DB_PASSWORD", environment: "Default" });
    await user.click(within(dialog).getByRole("button", { name: "Back" }));
    expect(step().environment).toBe("Production");
    await user.type(within(dialog).getByLabelText("Value"), "sk-prod");
    await user.click(within(dialog).getByRole("button", { name: "Save & next" }));
    await user.click(within(dialog).getByRole("button", { name: "Skip" }));
    expect(within(dialog).getByTestId("reentry-done")).toHaveTextContent("Saved 2 of 3 values. 1 still needs a value");
    await user.click(within(dialog).getByRole("button", { name: "Done" }));

    expect(backend.callsTo("pending_value_set").map((call) => call.args)).toEqual([
      { projectId: "p-9", secretId: backend.secrets[0]!.id, environmentId: null, value: "sk-default" },
      { projectId: "p-9", secretId: backend.secrets[0]!.id, environmentId: PROD, value: "sk-prod" },
    ]);
    await waitFor(() => expect(screen.getByTestId("needs-values-banner")).toHaveTextContent("1 secret needs values"));
    expect(rowNames()).toEqual(["DB_PASSWORD"]);
    // Values typed into the flow never stay in the page.
    expect(document.body.innerHTML).not.toContain("sk-default");
    expect(document.body.innerHTML).not.toContain("sk-prod");
  });
});

describe(".env import", () => {
  const selection = (invalid: DotenvSelection["preview"]["invalid"]): DotenvSelection => ({
    token: "t-1",
    fileName: ".env",
    preview: {
      entries: [
        { line: 1, name: "NEW_KEY", existing: null },
        { line: 2, name: "OLD_KEY", existing: "restricted" },
      ],
      invalid,
    },
  });

  it("previews names, reports invalid lines by number and imports nothing then", async () => {
    const backend = installFakeBackend();
    backend.override("dotenv_preview", () => selection([{ line: 3, message: "is not NAME=value (no '=')" }]));
    const { user } = await renderApp();
    await openSwitcher(user);
    await user.click(screen.getByRole("menuitem", { name: "Import .env" }));
    const dialog = await screen.findByRole("dialog", { name: "Import .env" });
    expect(within(dialog).getByTestId("dotenv-invalid")).toHaveTextContent("Line 3: is not NAME=value (no '=')");
    expect(within(dialog).getByRole("button", { name: "Import 2 secrets" })).toBeDisabled();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(backend.callsTo("dotenv_cancel")[0]?.args).toEqual({ token: "t-1" });
    expect(backend.callsTo("dotenv_import")).toHaveLength(0);
  });

  it("imports with the chosen visibility", async () => {
    const backend = installFakeBackend({ environments: [{ id: DEV, name: "Development", kind: "development" }] });
    backend.override("dotenv_preview", () => selection([]));
    backend.override("dotenv_import", () => ({ created: 1, updated: 1 }));
    const { user } = await renderApp();
    await openSwitcher(user);
    await user.click(screen.getByRole("menuitem", { name: "Import .env" }));
    const dialog = await screen.findByRole("dialog", { name: "Import .env" });
    const rows = within(dialog).getAllByTestId("dotenv-entry");
    expect(rows.map((row) => row.textContent)).toEqual(["1NEW_KEYNew", "2OLD_KEYUpdate (stays Restricted)"]);
    await user.click(within(dialog).getByLabelText("Restricted"));
    await user.click(within(dialog).getByRole("button", { name: "Import 2 secrets" }));
    expect(backend.callsTo("dotenv_import")[0]?.args).toEqual({ projectId: "p-1", token: "t-1", visibility: "restricted" });
    expect(await screen.findByText("Imported .env: 1 new, 1 updated")).toBeInTheDocument();
  });
});
