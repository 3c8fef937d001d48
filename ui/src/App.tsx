import { useLoad } from "./components/useLoad";
import { StatusScreen } from "./features/shell/StatusScreen";
import { ToastProvider } from "./features/shell/ToastProvider";
import { UnsavedChangesProvider } from "./features/shell/UnsavedChangesProvider";
import { Workspace } from "./features/shell/Workspace";
import { LockedScreen } from "./features/vault/LockedScreen";
import { RecoveryKeyScreen } from "./features/vault/RecoveryKeyScreen";
import { vaultStatus } from "./ipc/commands";

/** Asks the vault how it is, then shows the locked screen, the recovery key, or the app. */
export function App() {
  const { data: status, error, reload, update: setStatus } = useLoad(vaultStatus);

  let screen;
  if (error) {
    screen = (
      <StatusScreen
        title="Agent Secrets could not open your vault"
        message={error.message}
        onRetry={() => void reload()}
      />
    );
  } else if (!status) {
    screen = <StatusScreen title="Opening your vault…" />;
  } else if (status.lock) {
    screen = <LockedScreen lock={status.lock} onUnlocked={setStatus} />;
  } else if (status.recoveryKeyPending) {
    screen = <RecoveryKeyScreen onConfirmed={setStatus} />;
  } else {
    screen = (
      <UnsavedChangesProvider>
        <Workspace />
      </UnsavedChangesProvider>
    );
  }

  return <ToastProvider>{screen}</ToastProvider>;
}
