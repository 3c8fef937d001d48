import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PROD, appError, fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp, rowOf } from "../../test/renderApp";

afterEach(() => {
  vi.useRealTimers();
});

describe("copying a secret", () => {
  it("copies in the back end and counts the clipboard down to 0, then closes", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const backend = installFakeBackend({ secrets: [fakeSecret("DB_PASSWORD")], clipboardClearSeconds: 30 });
    const { user } = await renderApp({ advanceTimers: vi.advanceTimersByTime });

    await user.selectOptions(screen.getByTestId("environment-select"), PROD);
    await user.click(within(rowOf("DB_PASSWORD")).getByTestId("row-menu"));
    await user.click(screen.getByRole("menuitem", { name: "Copy" }));

    const toast = await screen.findByTestId("toast");
    expect(toast).toHaveTextContent("Copied DB_PASSWORD — clipboard clears in 30 s");
    expect(backend.callsTo("secret_copy")[0]?.args).toEqual({
      projectId: "p-1",
      secretId: backend.secrets[0]?.id,
      environmentId: PROD,
    });
    // The value itself never reaches the UI.
    expect(document.body.innerHTML).not.toContain("db_password-value");

    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(toast).toHaveTextContent("clipboard clears in 29 s");
    await act(() => vi.advanceTimersByTimeAsync(19_000));
    expect(toast).toHaveTextContent("clipboard clears in 10 s");
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(toast).toHaveTextContent("clipboard clears in 0 s");
    await act(() => vi.advanceTimersByTimeAsync(1500));
    expect(screen.queryByTestId("toast")).toBeNull();
  });

  it("uses the back end's timeout", async () => {
    installFakeBackend({ secrets: [fakeSecret("TOKEN")], clipboardClearSeconds: 45 });
    const { user } = await renderApp();

    await user.click(within(rowOf("TOKEN")).getByTestId("row-menu"));
    await user.click(screen.getByRole("menuitem", { name: "Copy" }));
    expect(await screen.findByTestId("toast")).toHaveTextContent("Copied TOKEN — clipboard clears in 45 s");
  });

  it("shows the back end's message when copying fails", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("TOKEN")] });
    backend.override("secret_copy", () => {
      throw appError("clipboard", "The clipboard is not available");
    });
    const { user } = await renderApp();

    await user.click(within(rowOf("TOKEN")).getByTestId("row-menu"));
    await user.click(screen.getByRole("menuitem", { name: "Copy" }));
    const toast = await screen.findByTestId("toast");
    expect(toast).toHaveTextContent("The clipboard is not available");
    await user.click(within(toast).getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByTestId("toast")).toBeNull());
  });
});
