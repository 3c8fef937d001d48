import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";

type Options = { advanceTimers?: (ms: number) => unknown };

/** Renders the whole app against the installed fake back end and waits until it is ready. */
export async function renderApp(options: Options = {}) {
  const user = userEvent.setup(options.advanceTimers ? { advanceTimers: options.advanceTimers } : {});
  const result = render(<App />);
  await screen.findByTestId("app-ready");
  return { user, ...result };
}

/** The table row of one secret. */
export function rowOf(name: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-testid="secret-row"][data-name="${name}"]`);
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

export function rowNames(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-testid="secret-row"]')).map(
    (row) => row.dataset.name ?? "",
  );
}
