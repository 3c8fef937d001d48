import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp, rowNames, rowOf } from "../../test/renderApp";

function seed() {
  return installFakeBackend({
    secrets: [fakeSecret("API_KEY"), fakeSecret("DB_PASSWORD", { visibility: "restricted" })],
  });
}

describe("row menu", () => {
  it("has a named button per row and offers Edit, Copy, Delete", async () => {
    seed();
    const { user } = await renderApp();

    const button = within(rowOf("API_KEY")).getByTestId("row-menu");
    expect(button).toHaveAccessibleName("Actions for API_KEY");
    expect(button).toHaveAttribute("aria-expanded", "false");
    await user.click(button);
    const menu = screen.getByRole("menu");
    expect(button).toHaveAttribute("aria-expanded", "true");
    expect(within(menu).getAllByRole("menuitem").map((item) => item.textContent)).toEqual(["Edit", "Copy", "Delete"]);
    expect(within(menu).getByRole("menuitem", { name: "Copy" })).toBeEnabled();
    expect(within(menu).getByRole("menuitem", { name: "Edit" })).toHaveFocus();
  });

  it("is reachable with Tab and navigable with the arrow keys; Escape closes it", async () => {
    seed();
    const { user } = await renderApp();

    const button = within(rowOf("API_KEY")).getByTestId("row-menu");
    // Tab from the row's value cell reaches the ⋮ button.
    within(rowOf("API_KEY")).getByRole("button", { name: "Reveal value of API_KEY" }).focus();
    await user.tab();
    expect(button).toHaveFocus();

    await user.keyboard("{Enter}");
    const menu = screen.getByRole("menu");
    expect(within(menu).getByRole("menuitem", { name: "Edit" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("menuitem", { name: "Copy" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("menuitem", { name: "Delete" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("menuitem", { name: "Edit" })).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(within(menu).getByRole("menuitem", { name: "Delete" })).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(button).toHaveFocus();

    await user.keyboard("{ArrowDown}");
    expect(within(screen.getByRole("menu")).getByRole("menuitem", { name: "Edit" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("dialog", { name: "Edit API_KEY" })).toBeInTheDocument();
  });

  it("disables Copy for Restricted secrets and says why", async () => {
    const backend = seed();
    const { user } = await renderApp();

    await user.click(within(rowOf("DB_PASSWORD")).getByTestId("row-menu"));
    const menu = screen.getByRole("menu");
    const copy = within(menu).getByRole("menuitem", { name: "Copy" });
    expect(copy).toBeDisabled();
    expect(copy).toHaveAttribute("title", "Restricted secrets cannot be copied");
    expect(copy).toHaveAccessibleDescription("Restricted secrets cannot be copied");
    expect(within(menu).getByText("Restricted secrets cannot be copied")).toBeVisible();

    // Arrow keys skip the disabled item.
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("menuitem", { name: "Delete" })).toHaveFocus();
    await user.click(copy);
    expect(backend.callsTo("secret_copy")).toHaveLength(0);
  });

  it("closes when clicking elsewhere", async () => {
    seed();
    const { user } = await renderApp();

    await user.click(within(rowOf("API_KEY")).getByTestId("row-menu"));
    expect(screen.getByRole("menu")).toBeInTheDocument();
    await user.click(screen.getByRole("heading", { level: 1, name: "Secrets" }));
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("asks before deleting, naming the secret, and then calls secret_delete", async () => {
    const backend = seed();
    const apiKeyId = backend.secrets.find((secret) => secret.name === "API_KEY")?.id;
    const { user } = await renderApp();

    await user.click(within(rowOf("API_KEY")).getByTestId("row-menu"));
    await user.click(screen.getByRole("menuitem", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete secret API_KEY?" });
    expect(dialog).toHaveTextContent("removed from every environment");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(backend.callsTo("secret_delete")).toHaveLength(0);

    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.callsTo("secret_delete")).toEqual([
      { cmd: "secret_delete", args: { projectId: "p-1", secretId: apiKeyId } },
    ]);
    await waitFor(() => expect(rowNames()).toEqual(["DB_PASSWORD"]));
  });

  it("leaves the secret alone when deletion is cancelled", async () => {
    const backend = seed();
    const { user } = await renderApp();

    await user.click(within(rowOf("DB_PASSWORD")).getByTestId("row-menu"));
    await user.click(screen.getByRole("menuitem", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete secret DB_PASSWORD?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(backend.callsTo("secret_delete")).toHaveLength(0);
    expect(rowNames()).toEqual(["API_KEY", "DB_PASSWORD"]);
    // Focus returns to the row's ⋮ button.
    expect(within(rowOf("DB_PASSWORD")).getByTestId("row-menu")).toHaveFocus();
  });
});

