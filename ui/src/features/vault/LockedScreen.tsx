import { useId, useRef, useState, type FormEvent } from "react";
import { toAppError } from "../../ipc/appError";
import { recoveryRestore } from "../../ipc/commands";
import type { LockInfo, VaultStatus } from "../../ipc/types";
import "./vault.css";

type LockedScreenProps = {
  lock: LockInfo;
  onUnlocked: (status: VaultStatus) => void;
};

const EXPLANATIONS: Record<LockInfo["code"], string> = {
  key_missing:
    "The key that opens your vault is kept in your operating system's keyring, and that entry is missing.",
  key_mismatch:
    "The key in your operating system's keyring is different from the one this vault was created with.",
  keyring_unavailable: "Your operating system's keyring could not be reached, so the vault key could not be read.",
};

/**
 * The vault exists but its key cannot be used: explain, and offer the recovery key.
 * Never offers to start over with a new vault.
 */
export function LockedScreen({ lock, onUnlocked }: LockedScreenProps) {
  const [recoveryKey, setRecoveryKey] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (restoring) return;
    if (recoveryKey.trim() === "") {
      setFieldError("Enter your recovery key.");
      inputRef.current?.focus();
      return;
    }
    setRestoring(true);
    setFieldError(null);
    setFormError(null);
    try {
      onUnlocked(await recoveryRestore(recoveryKey.trim()));
    } catch (caught) {
      const error = toAppError(caught);
      if (error.field === "recovery_key") {
        setFieldError(error.message);
        inputRef.current?.focus();
      } else {
        setFormError(error.message);
      }
      setRestoring(false);
    }
  }

  return (
    <main className="vault-screen" data-testid="locked-screen">
      <div className="vault-card">
        <h1 className="vault-title">Agent Secrets is locked</h1>
        <p className="vault-lead">{lock.message}</p>
        <p>
          {EXPLANATIONS[lock.code]} Your secrets are safe and untouched: nothing has been changed or deleted, and the
          vault stays read-only until access is restored.
        </p>
        <p>
          {lock.code === "keyring_unavailable"
            ? "Check that your keyring is running and unlocked, then restart Agent Secrets — or restore access now with the recovery key you saved when you first opened the app."
            : "Enter the recovery key you saved when you first opened the app to restore access."}
        </p>
        <form className="vault-form" noValidate onSubmit={(event) => void onSubmit(event)}>
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
          <div className="field">
            <label htmlFor={inputId} className="field-label">
              Recovery key
            </label>
            <input
              ref={inputRef}
              id={inputId}
              className="input mono"
              value={recoveryKey}
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? errorId : undefined}
              onChange={(event) => {
                setRecoveryKey(event.target.value);
                setFieldError(null);
              }}
            />
            {fieldError && (
              <p id={errorId} className="field-error">
                {fieldError}
              </p>
            )}
          </div>
          <div className="vault-actions">
            <button type="submit" className="button button-primary" disabled={restoring}>
              Restore access
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
