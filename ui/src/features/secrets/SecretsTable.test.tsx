import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DEV, PROD, fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp, rowNames, rowOf } from "../../test/renderApp";

const MINUTE = 60_000;

function seed() {
  return installFakeBackend({
    secrets: [
      fakeSecret("STRIPE_KEY", { updatedAt: Date.now() - 2 * MINUTE, overrides: { [PROD]: "live" } }),
      fakeSecret("DB_PASSWORD", { visibility: "restricted", updatedAt: Date.now() - 30 * MINUTE }),
      fakeSecret("api_token", { value: null, updatedAt: Date.now() - 5 * MINUTE }),
      fakeSecret("OPENAI_KEY", { updatedAt: Date.now() - 3 * 60 * MINUTE, missingIn: [PROD] }),
    ],
  });
}

describe("secrets table", () => {
  it("renders one row per secret with masked value, visibility, time and overrides", async () => {
    seed();
    await renderApp();

    const table = screen.getByTestId("secrets-table");
    expect(within(table).getAllByTestId("secret-row")).toHaveLength(4);
    expect(screen.getByRole("heading", { level: 1, name: "Secrets" })).toBeInTheDocument();
    expect(screen.getByText("Support Agent")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Agent Settings" })).toBeInTheDocument();

    const stripe = rowOf("STRIPE_KEY");
    expect(within(stripe).getByText("STRIPE_KEY")).toHaveClass("mono");
    // The value is a fixed run of eight dots, never the value or its length.
    expect(within(stripe).getByTestId("secret-value")).toHaveTextContent("••••••••");
    expect(stripe).not.toHaveTextContent("stripe_key-value");
    expect(within(stripe).getByText("Masked")).toBeInTheDocument();
    expect(within(stripe).getByText("2 min ago")).toHaveAttribute("title");
    expect(within(stripe).getByText("Production")).toBeInTheDocument();

    const restricted = rowOf("DB_PASSWORD");
    expect(within(restricted).getByText("Restricted").querySelector("svg")).not.toBeNull();
    expect(within(restricted).getByTestId("secret-value")).toHaveAttribute(
      "title",
      "Restricted: this value can never be revealed or copied",
    );

    expect(within(rowOf("OPENAI_KEY")).getByText("Missing in Production")).toBeInTheDocument();
    expect(within(rowOf("api_token")).getByText("Missing in Development, Production")).toBeInTheDocument();
    expect(within(rowOf("STRIPE_KEY")).queryByText(/Missing in/)).toBeNull();
  });

  it("sorts by name by default and by last updated on request", async () => {
    seed();
    const { user } = await renderApp();

    expect(rowNames()).toEqual(["api_token", "DB_PASSWORD", "OPENAI_KEY", "STRIPE_KEY"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "updated");
    expect(rowNames()).toEqual(["STRIPE_KEY", "api_token", "DB_PASSWORD", "OPENAI_KEY"]);
  });

  it("filters by name as you type in the search box", async () => {
    seed();
    const { user } = await renderApp();

    await user.type(screen.getByRole("searchbox", { name: "Search secrets" }), "key");
    expect(rowNames()).toEqual(["OPENAI_KEY", "STRIPE_KEY"]);

    await user.clear(screen.getByRole("searchbox", { name: "Search secrets" }));
    await user.type(screen.getByRole("searchbox", { name: "Search secrets" }), "nothing-like-this");
    expect(screen.queryByTestId("secrets-table")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(rowNames()).toHaveLength(4);
  });

  it("shows only secrets that need a value when the filter is on", async () => {
    seed();
    const { user } = await renderApp();

    const toggle = screen.getByRole("button", { name: /Needs value/ });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    expect(toggle).toHaveTextContent("2");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(rowNames()).toEqual(["api_token", "OPENAI_KEY"]);
    await user.click(toggle);
    expect(rowNames()).toHaveLength(4);
  });

  it("explains what secrets are for when there are none, and offers New Secret", async () => {
    installFakeBackend({ secrets: [] });
    const { user } = await renderApp();

    const empty = screen.getByTestId("secrets-empty");
    expect(empty).toHaveTextContent(
      "API keys, passwords and tokens your agent's Function and API steps use as {NAME}",
    );
    expect(screen.queryByTestId("secrets-table")).toBeNull();
    await user.click(within(empty).getByRole("button", { name: "New Secret" }));
    expect(await screen.findByRole("dialog", { name: "New Secret" })).toBeInTheDocument();
  });

  it("lists the environments and starts on Development", async () => {
    const backend = seed();
    backend.environments = [
      { id: PROD, name: "Production", kind: "production" },
      { id: "env-staging", name: "Staging", kind: "custom" },
      { id: DEV, name: "Development", kind: "development" },
    ];
    await renderApp();

    const select = screen.getByRole("combobox", { name: "Environment" });
    expect(select).toBe(screen.getByTestId("environment-select"));
    expect(select).toHaveValue(DEV);
    expect(within(select).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Production",
      "Staging",
      "Development",
    ]);
    expect(backend.callsTo("environment_list")[0]?.args).toEqual({ projectId: "p-1" });
    expect(backend.callsTo("secret_list")[0]?.args).toEqual({ projectId: "p-1" });
  });

  it("renders only the rows in view for long lists", async () => {
    installFakeBackend({
      secrets: Array.from({ length: 1000 }, (_, index) => fakeSecret(`SECRET_${String(index).padStart(4, "0")}`)),
    });
    await renderApp();

    const rendered = rowNames();
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(100);
    expect(rendered[0]).toBe("SECRET_0000");
    expect(screen.getByTestId("secrets-table")).toHaveAttribute("aria-rowcount", "1001");
  });
});
