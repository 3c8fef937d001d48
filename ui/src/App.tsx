import { useCallback, useEffect, useState } from "react";
import { StatusScreen } from "./features/shell/StatusScreen";
import { ToastProvider } from "./features/shell/ToastProvider";
import { Workspace } from "./features/shell/Workspace";
import { LockedScreen } from "./features/vault/LockedScreen";
import { RecoveryKeyScreen } from "./features/vault/RecoveryKeyScreen";
import { toAppError } from "./ipc/appError";
import { vaultStatus } from "./ipc/commands";
import type { AppError, VaultStatus } from "./ipc/types";

/** Asks the vault how it is, then shows the locked screen, the recovery key, or the app. */
export function App() {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    vaultStatus().then(
      (next) => {
        if (current) setStatus(next);
      },
      (caught: unknown) => {
        if (current) setError(toAppError(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((count) => count + 1);
  }, []);

  let screen;
  if (error) {
    screen = <StatusScreen title="Agent Secrets could not open your vault" message={error.message} onRetry={retry} />;
  } else if (!status) {
    screen = <StatusScreen title="Opening your vault…" />;
  } else if (status.lock) {
    screen = <LockedScreen lock={status.lock} onUnlocked={setStatus} />;
  } else if (status.recoveryKeyPending) {
    screen = <RecoveryKeyScreen onConfirmed={setStatus} />;
  } else {
    screen = <Workspace />;
  }

  return <ToastProvider>{screen}</ToastProvider>;
}
