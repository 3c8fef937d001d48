import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DEV, PROD, fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../../test/renderApp";
import { environmentsWithStaging, STAGING, matrixCell, openEnvironmentsPage } from "./testing";

function seed() {
  return installFakeBackend({
    environments: environmentsWithStaging(),
    secrets: [
      fakeSecret("API_KEY", { value: "key-default-value", overrides: { [PROD]: "key-prod-value" } }),
      fakeSecret("DB_URL", { value: null, overrides: { [DEV]: "db-dev-value" }, missingIn: [PROD, STAGING] }),
      fakeSecret("SENTRY_DSN", { value: "dsn-default-value" }),
    ],
  });
}

describe("Compare environments", () => {
  it("shows Set, Default or Missing for every secret in every environment, and no value", async () => {
    seed();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);

    const matrix = screen.getByTestId("environment-matrix");
    const headers = within(matrix)
      .getAllByRole("columnheader")
      .map((header) => header.dataset.environment ?? header.textContent);
    expect(headers).toEqual(["Secret", "Development", "Production", "Staging"]);

    const expected: Record<string, [string, string, string]> = {
      API_KEY: ["Default", "Set", "Default"],
      DB_URL: ["Set", "Missing", "Missing"],
      SENTRY_DSN: ["Default", "Default", "Default"],
    };
    for (const [secret, states] of Object.entries(expected)) {
      ["Development", "Production", "Staging"].forEach((environment, index) => {
        expect(matrixCell(secret, environment)).toHaveTextContent(states[index] ?? "");
      });
    }
    // Missing is flagged (danger colour class) and explained.
    const missing = within(matrixCell("DB_URL", "Production")).getByText("Missing");
    expect(missing).toHaveClass("matrix-missing");
    expect(missing).toHaveAttribute("title", "No value in Production: no override and no default");
    // At a glance: Production lacks a key that Development has.
    expect(within(matrix).getByRole("columnheader", { name: /Production/ })).toHaveTextContent("1 missing");
    expect(within(matrix).getByRole("columnheader", { name: /Development/ })).toHaveTextContent("Complete");

    expect(document.body.innerHTML).not.toMatch(/-value/);
  });

  it("can show only the secrets with a missing value", async () => {
    seed();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);

    const rows = () =>
      within(screen.getByTestId("environment-matrix"))
        .getAllByTestId("matrix-row")
        .map((row) => row.dataset.name);
    expect(rows()).toEqual(["API_KEY", "DB_URL", "SENTRY_DSN"]);
    await user.click(screen.getByLabelText("Only secrets with a missing value (1)"));
    expect(rows()).toEqual(["DB_URL"]);
  });

  it("explains itself and leads to the Secrets page when there are no secrets", async () => {
    installFakeBackend();
    const { user } = await renderApp();
    await openEnvironmentsPage(user);

    expect(screen.queryByTestId("environment-matrix")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Go to Secrets" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Secrets" })).toBeInTheDocument();
  });
});
