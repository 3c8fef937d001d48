import { useEffect, useId, useState } from "react";
import { toAppError } from "../../ipc/appError";
import { recoveryKeyConfirm, recoveryKeyShow } from "../../ipc/commands";
import type { VaultStatus } from "../../ipc/types";
import "./vault.css";

type RecoveryKeyScreenProps = { onConfirmed: (status: VaultStatus) => void };

/** First run: show the recovery key once and ask the user to confirm they saved it. */
export function RecoveryKeyScreen({ onConfirmed }: RecoveryKeyScreenProps) {
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const checkboxId = useId();

  useEffect(() => {
    let current = true;
    recoveryKeyShow().then(
      (key) => {
        if (current) setRecoveryKey(key);
      },
      (caught: unknown) => {
        if (current) setLoadError(toAppError(caught).message);
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  async function confirm() {
    setConfirming(true);
    setConfirmError(null);
    try {
      onConfirmed(await recoveryKeyConfirm());
    } catch (caught) {
      setConfirmError(toAppError(caught).message);
      setConfirming(false);
    }
  }

  return (
    <main className="vault-screen" data-testid="recovery-key-screen">
      <div className="vault-card">
        <h1 className="vault-title">Save your recovery key</h1>
        <p className="vault-lead">
          Your vault is ready. Its key is kept in your operating system's keyring. If that keyring entry is ever lost
          — a new computer, a reset keyring — this recovery key is the only way to open your secrets again.
        </p>
        <p>Write it down on paper or store it in a password manager. Keep it somewhere other than this computer.</p>
        {recoveryKey !== null ? (
          <code className="recovery-key mono" data-testid="recovery-key">
            {recoveryKey}
          </code>
        ) : loadError ? (
          <div className="form-error" role="alert">
            <p>Could not show the recovery key: {loadError}</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setLoadError(null);
                setAttempt((count) => count + 1);
              }}
            >
              Try again
            </button>
          </div>
        ) : (
          <p className="muted" role="status">
            Preparing your recovery key…
          </p>
        )}
        <div className="checkbox-row">
          <input
            id={checkboxId}
            type="checkbox"
            checked={saved}
            disabled={recoveryKey === null}
            onChange={(event) => setSaved(event.target.checked)}
          />
          <label htmlFor={checkboxId}>I have saved my recovery key</label>
        </div>
        {confirmError && (
          <p className="form-error" role="alert">
            {confirmError}
          </p>
        )}
        <div className="vault-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={!saved || confirming || recoveryKey === null}
            onClick={() => void confirm()}
          >
            Continue
          </button>
        </div>
      </div>
    </main>
  );
}
