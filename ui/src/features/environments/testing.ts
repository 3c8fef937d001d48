// Steps shared by the Environments page tests.
import { screen, within } from "@testing-library/react";
import { BUILT_IN_ENVIRONMENTS } from "../../ipc/limits";
import type { Environment } from "../../ipc/types";
import { DEV, PROD } from "../../test/fakeBackend";
import type { renderApp } from "../../test/renderApp";

export type User = Awaited<ReturnType<typeof renderApp>>["user"];

export const STAGING = "env-staging";

/** The two built-in environments and a custom Staging, as the back end orders them. */
export function environmentsWithStaging(): Environment[] {
  const [development, production] = BUILT_IN_ENVIRONMENTS;
  return [
    { id: DEV, name: development, kind: "development" },
    { id: PROD, name: production, kind: "production" },
    { id: STAGING, name: "Staging", kind: "custom" },
  ];
}

/** Sidebar → Environments; waits for the list. */
export async function openEnvironmentsPage(user: User) {
  await user.click(screen.getByRole("link", { name: "Environments" }));
  await screen.findByRole("heading", { level: 1, name: "Environments" });
  // Ready once the secrets (for the counts, the modal and the matrix) are loaded.
  await screen.findByTestId("app-ready");
  return screen.getByTestId("environments-table");
}

/** The list's row of one environment. */
export function environmentRow(name: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-testid="environment-row"][data-name="${name}"]`);
  if (!row) throw new Error(`No row for the environment ${name}`);
  return row;
}

export function environmentNames(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-testid="environment-row"]')).map(
    (row) => row.dataset.name ?? "",
  );
}

/** Override Secrets on an environment's row; waits for the modal. */
export async function openOverrides(user: User, environment: string) {
  const row = environmentRow(environment);
  await user.click(within(row).getByRole("button", { name: "Override Secrets" }));
  return screen.findByRole("dialog", { name: `Override Secrets — ${environment}` });
}

/** The modal's row of one secret. */
export function overrideRow(dialog: HTMLElement, name: string): HTMLElement {
  const row = dialog.querySelector<HTMLElement>(`[data-testid="override-row"][data-name="${name}"]`);
  if (!row) throw new Error(`No override row for ${name}`);
  return row;
}

/** The matrix's cell text for a secret in an environment. */
export function matrixCell(secret: string, environment: string): HTMLElement {
  const cell = document.querySelector<HTMLElement>(
    `[data-testid="matrix-row"][data-name="${secret}"] [data-testid="matrix-cell"][data-environment="${environment}"]`,
  );
  if (!cell) throw new Error(`No matrix cell for ${secret} in ${environment}`);
  return cell;
}
