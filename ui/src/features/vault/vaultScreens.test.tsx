import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "../../App";
import { appError, fakeSecret, installFakeBackend } from "../../test/fakeBackend";

const LOCKED = {
  vaultId: "v-1",
  dataDir: "/home/me/.local/share/agent-secrets",
  lock: { code: "key_missing" as const, message: "The vault key was not found in the OS keyring." },
  recoveryKeyPending: false,
};

describe("locked vault", () => {
  it("explains the lock and restores access with the recovery key", async () => {
    const backend = installFakeBackend({ status: LOCKED, recoveryKey: "RK-1111-2222", secrets: [fakeSecret("API_KEY")] });
    const user = userEvent.setup();
    render(<App />);

    const locked = await screen.findByTestId("locked-screen");
    expect(locked).toHaveTextContent("The vault key was not found in the OS keyring.");
    expect(locked).toHaveTextContent("safe and untouched");
    expect(within(locked).queryByRole("button", { name: /new vault|start over|create/i })).toBeNull();
    expect(screen.queryByTestId("app-ready")).toBeNull();

    const input = within(locked).getByLabelText("Recovery key");
    expect(input).toHaveClass("mono");
    await user.type(input, "  RK-1111-2222 ");
    await user.click(within(locked).getByRole("button", { name: "Restore access" }));

    await screen.findByTestId("app-ready");
    expect(screen.queryByTestId("locked-screen")).toBeNull();
    expect(backend.callsTo("recovery_restore")).toEqual([
      { cmd: "recovery_restore", args: { recoveryKey: "RK-1111-2222" } },
    ]);
    expect(await screen.findByText("API_KEY")).toBeInTheDocument();
  });

  it("shows a wrong key's error under the field and stays locked", async () => {
    installFakeBackend({ status: LOCKED, recoveryKey: "RK-1111-2222" });
    const user = userEvent.setup();
    render(<App />);

    const locked = await screen.findByTestId("locked-screen");
    const input = within(locked).getByLabelText("Recovery key");
    await user.type(input, "RK-WRONG{Enter}");
    await waitFor(() => expect(input).toHaveAccessibleDescription("That recovery key does not open this vault."));
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("locked-screen")).toBeInTheDocument();
  });

  it("explains an unreachable keyring differently", async () => {
    installFakeBackend({
      status: { ...LOCKED, lock: { code: "keyring_unavailable", message: "No Secret Service on the session bus." } },
    });
    render(<App />);
    const locked = await screen.findByTestId("locked-screen");
    expect(locked).toHaveTextContent("No Secret Service on the session bus.");
    expect(locked).toHaveTextContent("could not be reached");
  });

  it("shows an error without a field above the form", async () => {
    const backend = installFakeBackend({ status: LOCKED });
    backend.override("recovery_restore", () => {
      throw appError("io", "The vault file is read-only");
    });
    const user = userEvent.setup();
    render(<App />);
    const locked = await screen.findByTestId("locked-screen");
    await user.type(within(locked).getByLabelText("Recovery key"), "anything");
    await user.click(within(locked).getByRole("button", { name: "Restore access" }));
    expect(await within(locked).findByRole("alert")).toHaveTextContent("The vault file is read-only");
  });
});

describe("first run: recovery key", () => {
  it("shows the key and continues only after the user says they saved it", async () => {
    const backend = installFakeBackend({
      status: { vaultId: "v-1", dataDir: "/tmp/v", lock: null, recoveryKeyPending: true },
      recoveryKey: "AS1-QWER-TYUI-OPAS",
    });
    const user = userEvent.setup();
    render(<App />);

    const screenRoot = await screen.findByTestId("recovery-key-screen");
    expect(await within(screenRoot).findByTestId("recovery-key")).toHaveTextContent("AS1-QWER-TYUI-OPAS");
    expect(screenRoot).toHaveTextContent("password manager");
    const continueButton = within(screenRoot).getByRole("button", { name: "Continue" });
    expect(continueButton).toBeDisabled();

    await user.click(within(screenRoot).getByLabelText("I have saved my recovery key"));
    expect(continueButton).toBeEnabled();
    expect(backend.callsTo("recovery_key_confirm")).toHaveLength(0);
    await user.click(continueButton);

    await screen.findByTestId("app-ready");
    expect(backend.callsTo("recovery_key_confirm")).toHaveLength(1);
    expect(screen.queryByTestId("recovery-key")).toBeNull();
  });

  it("shows a failure to confirm and stays", async () => {
    const backend = installFakeBackend({
      status: { vaultId: "v-1", dataDir: "/tmp/v", lock: null, recoveryKeyPending: true },
    });
    backend.override("recovery_key_confirm", () => {
      throw appError("io", "Disk full");
    });
    const user = userEvent.setup();
    render(<App />);

    const screenRoot = await screen.findByTestId("recovery-key-screen");
    await within(screenRoot).findByTestId("recovery-key");
    await user.click(within(screenRoot).getByLabelText("I have saved my recovery key"));
    await user.click(within(screenRoot).getByRole("button", { name: "Continue" }));
    expect(await within(screenRoot).findByRole("alert")).toHaveTextContent("Disk full");
    expect(screen.queryByTestId("app-ready")).toBeNull();
  });
});

describe("start-up", () => {
  it("goes straight to the app when the vault is open", async () => {
    const backend = installFakeBackend();
    render(<App />);
    await screen.findByTestId("app-ready");
    expect(backend.callsTo("recovery_key_show")).toHaveLength(0);
    expect(screen.queryByTestId("locked-screen")).toBeNull();
  });

  it("says so when the vault cannot be opened, and retries", async () => {
    const backend = installFakeBackend();
    let failures = 1;
    backend.override("vault_status", () => {
      if (failures-- > 0) throw appError("corrupt", "The vault database is damaged");
      return backend.status;
    });
    const user = userEvent.setup();
    render(<App />);

    expect(await screen.findByRole("alert")).toHaveTextContent("The vault database is damaged");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByTestId("app-ready");
  });
});
