import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEV, PROD, fakeSecret, installFakeBackend } from "../../test/fakeBackend";
import { renderApp, rowOf } from "../../test/renderApp";

const VALUE = "sk-live-1234567890";

function seed() {
  return installFakeBackend({
    secrets: [
      fakeSecret("API_KEY", { value: VALUE, overrides: { [PROD]: "prod-only-value" } }),
      fakeSecret("DB_PASSWORD", { visibility: "restricted", value: "never-shown" }),
    ],
  });
}

const valueCell = (name: string) => within(rowOf(name)).getByTestId("secret-value");

afterEach(() => {
  vi.useRealTimers();
});

describe("revealing a Masked value", () => {
  it("shows the value on hover and removes it from the DOM on mouse-out", async () => {
    const backend = seed();
    const { user } = await renderApp();

    expect(document.body).not.toHaveTextContent(VALUE);
    await user.hover(valueCell("API_KEY"));
    await waitFor(() => expect(valueCell("API_KEY")).toHaveTextContent(VALUE));
    expect(backend.callsTo("secret_reveal")[0]?.args).toEqual({
      projectId: "p-1",
      secretId: backend.secrets[0]?.id,
      environmentId: DEV,
    });

    await user.unhover(valueCell("API_KEY"));
    expect(valueCell("API_KEY")).toHaveTextContent("••••••••");
    expect(document.body.innerHTML).not.toContain(VALUE);
  });

  it("reveals the value of the selected environment", async () => {
    const backend = seed();
    const { user } = await renderApp();

    await user.selectOptions(screen.getByTestId("environment-select"), PROD);
    await user.hover(valueCell("API_KEY"));
    await waitFor(() => expect(valueCell("API_KEY")).toHaveTextContent("prod-only-value"));
    expect(backend.callsTo("secret_reveal")[0]?.args.environmentId).toBe(PROD);
  });

  it("hides again after 5 seconds", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    seed();
    const { user } = await renderApp({ advanceTimers: vi.advanceTimersByTime });

    await user.click(within(rowOf("API_KEY")).getByRole("button", { name: "Reveal value of API_KEY" }));
    await waitFor(() => expect(valueCell("API_KEY")).toHaveTextContent(VALUE));

    await act(() => vi.advanceTimersByTimeAsync(4000));
    expect(valueCell("API_KEY")).toHaveTextContent(VALUE);
    await act(() => vi.advanceTimersByTimeAsync(1100));
    expect(valueCell("API_KEY")).toHaveTextContent("••••••••");
    expect(document.body.innerHTML).not.toContain(VALUE);
  });

  it("hides when the window loses focus", async () => {
    seed();
    const { user } = await renderApp();

    await user.hover(valueCell("API_KEY"));
    await waitFor(() => expect(valueCell("API_KEY")).toHaveTextContent(VALUE));
    act(() => {
      window.dispatchEvent(new Event("blur"));
    });
    expect(valueCell("API_KEY")).toHaveTextContent("••••••••");
    expect(document.body.innerHTML).not.toContain(VALUE);
  });

  it("reveals with Enter on the focused cell", async () => {
    seed();
    const { user } = await renderApp();

    within(rowOf("API_KEY")).getByRole("button", { name: "Reveal value of API_KEY" }).focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(valueCell("API_KEY")).toHaveTextContent(VALUE));
    await user.keyboard("{Escape}");
    expect(document.body.innerHTML).not.toContain(VALUE);
  });

  it("drops a reply that arrives after the pointer has left", async () => {
    const backend = seed();
    let answer: (value: string) => void = () => {};
    backend.override("secret_reveal", () => new Promise<string>((resolve) => (answer = resolve)));
    const { user } = await renderApp();

    await user.hover(valueCell("API_KEY"));
    await waitFor(() => expect(backend.callsTo("secret_reveal")).toHaveLength(1));
    await user.unhover(valueCell("API_KEY"));
    await act(async () => {
      answer(VALUE);
      await Promise.resolve();
    });
    expect(document.body.innerHTML).not.toContain(VALUE);
  });

  it("never asks for a Restricted value and explains why", async () => {
    const backend = seed();
    const { user } = await renderApp();

    const cell = valueCell("DB_PASSWORD");
    expect(cell).toHaveAttribute("title", "Restricted: this value can never be revealed or copied");
    expect(within(cell).queryByRole("button")).toBeNull();
    await user.hover(cell);
    fireEvent.click(cell);
    // Give a (wrong) reveal every chance to happen.
    await user.hover(valueCell("API_KEY"));
    await waitFor(() => expect(backend.callsTo("secret_reveal")).toHaveLength(1));
    expect(backend.callsTo("secret_reveal")[0]?.args.secretId).toBe(backend.secrets[0]?.id);
    expect(cell).toHaveTextContent("••••••••");
  });
});
