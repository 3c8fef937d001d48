import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DEV, PROD, appError, fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp, rowOf } from "../../test/renderApp";
import { environmentsWithStaging, STAGING, environmentNames, environmentRow, openEnvironmentsPage } from "./testing";

function withStaging() {
  return installFakeBackend({
    environments: environmentsWithStaging(),
    secrets: [
      fakeSecret("API_KEY", { overrides: { [STAGING]: "staging-key" } }),
      fakeSecret("DB_URL", { value: null, overrides: { [DEV]: "dev-db" }, missingIn: [PROD, STAGING] }),
    ],
  });
}

describe("the Environments page", () => {
  it("is reached from the sidebar under Agent Settings", async () => {
    installFakeBackend();
    const { user } = await renderApp();
    const nav = screen.getByRole("navigation", { name: "Agent Settings" });
    expect(within(nav).getByRole("link", { name: "Secrets" })).toHaveAttribute("aria-current", "page");

    await openEnvironmentsPage(user);
    const navNow = screen.getByRole("navigation", { name: "Agent Settings" });
    expect(within(navNow).getByRole("link", { name: "Environments" })).toHaveAttribute("aria-current", "page");
    expect(within(navNow).getByRole("link", { name: "Secrets" })).not.toHaveAttribute("aria-current");

    await user.click(within(navNow).getByRole("link", { name: "Secrets" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Secrets" })).toBeInTheDocument();
  });

  it("lists the built-ins first with what they are for, then custom ones with Rename and Delete", async () => {
    withStaging();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);

    expect(environmentNames()).toEqual(["Development", "Production", "Staging"]);
    expect(environmentRow("Development")).toHaveTextContent("Used when building and testing");
    expect(environmentRow("Production")).toHaveTextContent("Used when published and live");
    for (const builtin of ["Development", "Production"]) {
      const row = environmentRow(builtin);
      expect(within(row).getByText("Built in")).toBeInTheDocument();
      expect(within(row).getByRole("button", { name: "Override Secrets" })).toBeEnabled();
      expect(within(row).queryByRole("button", { name: "Rename" })).toBeNull();
      expect(within(row).queryByRole("button", { name: "Delete" })).toBeNull();
    }
    const staging = environmentRow("Staging");
    expect(within(staging).getByRole("button", { name: "Rename" })).toBeInTheDocument();
    expect(within(staging).getByRole("button", { name: "Delete" })).toBeInTheDocument();
    // Counts: Staging overrides API_KEY; DB_URL has no value in Production nor Staging.
    expect(staging).toHaveTextContent("1 override");
    expect(staging).toHaveTextContent("1 secret missing");
    expect(environmentRow("Development")).toHaveTextContent("1 override");
    expect(environmentRow("Production")).toHaveTextContent("1 secret missing");
    // The buttons name their environment for assistive technology.
    expect(within(staging).getByRole("button", { name: "Delete" })).toHaveAccessibleDescription("Staging");
  });

  it("adds a custom environment, which then shows in the list, the matrix and the top bar", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("API_KEY")] });
    const { user } = await renderApp();
    await openEnvironmentsPage(user);

    await user.click(screen.getByRole("button", { name: "Add environment" }));
    const dialog = await screen.findByRole("dialog", { name: "Add environment" });
    expect(within(dialog).getByLabelText("Name")).toHaveFocus();
    await user.type(within(dialog).getByLabelText("Name"), "Staging");
    await user.click(within(dialog).getByRole("button", { name: "Add environment" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.callsTo("environment_create")).toEqual([
      { cmd: "environment_create", args: { projectId: "p-1", name: "Staging" } },
    ]);
    await waitFor(() => expect(environmentNames()).toEqual(["Development", "Production", "Staging"]));
    expect(within(screen.getByTestId("environment-matrix")).getByRole("columnheader", { name: /Staging/ })).toBeVisible();
    expect(within(screen.getByTestId("environment-select")).getByRole("option", { name: "Staging" })).toBeVisible();
  });

  it("shows the back end's name error under Name and keeps the dialog open", async () => {
    const backend = installFakeBackend();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);

    await user.click(screen.getByRole("button", { name: "Add environment" }));
    const dialog = await screen.findByRole("dialog", { name: "Add environment" });
    await user.click(within(dialog).getByRole("button", { name: "Add environment" }));
    expect(within(dialog).getByText("An environment needs a name")).toBeInTheDocument();
    expect(backend.callsTo("environment_create")).toHaveLength(0);

    await user.type(within(dialog).getByLabelText("Name"), "production");
    await user.keyboard("{Enter}");
    expect(await within(dialog).findByText(/already has an environment named "production"/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
    expect(environmentNames()).toEqual(["Development", "Production"]);
  });

  it("renames a custom environment", async () => {
    const backend = withStaging();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);

    await user.click(within(environmentRow("Staging")).getByRole("button", { name: "Rename" }));
    const dialog = await screen.findByRole("dialog", { name: "Rename Staging" });
    const name = within(dialog).getByLabelText("Name");
    expect(name).toHaveValue("Staging");
    await user.clear(name);
    await user.type(name, "QA");
    await user.click(within(dialog).getByRole("button", { name: "Rename" }));

    await waitFor(() => expect(environmentNames()).toEqual(["Development", "Production", "QA"]));
    expect(backend.callsTo("environment_rename")[0]?.args).toEqual({
      projectId: "p-1",
      environmentId: STAGING,
      name: "QA",
    });
  });

  it("deletes a custom environment after a confirmation that names it and its overrides", async () => {
    const backend = withStaging();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);
    // Staging is the environment used for reveal and copy when it is deleted.
    await user.selectOptions(screen.getByTestId("environment-select"), STAGING);

    await user.click(within(environmentRow("Staging")).getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete environment Staging?" });
    expect(dialog).toHaveTextContent("Its 1 override will be deleted with it.");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));

    await waitFor(() => expect(environmentNames()).toEqual(["Development", "Production"]));
    expect(backend.callsTo("environment_delete")).toEqual([
      { cmd: "environment_delete", args: { projectId: "p-1", environmentId: STAGING } },
    ]);
    expect(screen.getByTestId("environment-select")).toHaveValue(DEV);
    expect(screen.getByRole("button", { name: "Add environment" })).toHaveFocus();
    expect(within(screen.getByTestId("environment-matrix")).queryByRole("columnheader", { name: /Staging/ })).toBeNull();
  });

  it("shows a refused delete in the dialog", async () => {
    const backend = withStaging();
    backend.override("environment_delete", () => {
      throw appError("locked", "The vault is locked");
    });
    const { user } = await renderApp();
    await openEnvironmentsPage(user);

    await user.click(within(environmentRow("Staging")).getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete environment Staging?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("The vault is locked");
    expect(environmentNames()).toEqual(["Development", "Production", "Staging"]);
  });

  it("keeps the selected environment for reveal and copy on the Secrets page", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("API_KEY", { overrides: { [PROD]: "prod" } })] });
    const { user } = await renderApp();
    await openEnvironmentsPage(user);
    await user.selectOptions(screen.getByTestId("environment-select"), PROD);

    await user.click(screen.getByRole("link", { name: "Secrets" }));
    await screen.findByTestId("app-ready");
    expect(screen.getByTestId("environment-select")).toHaveValue(PROD);
    await user.click(within(rowOf("API_KEY")).getByTestId("row-menu"));
    await user.click(screen.getByRole("menuitem", { name: "Copy" }));
    await waitFor(() => expect(backend.callsTo("secret_copy")).toHaveLength(1));
    expect(backend.callsTo("secret_copy")[0]?.args.environmentId).toBe(PROD);
  });
});
