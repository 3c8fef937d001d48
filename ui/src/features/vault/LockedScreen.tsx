import { useState } from "react";
import { TextField } from "../../components/forms/Field";
import { FormError } from "../../components/forms/FormError";
import { useSubmit } from "../../components/forms/useSubmit";
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
  const form = useSubmit({ fields: ["recovery_key"] });

  const onSubmit = form.handle(
    async () => onUnlocked(await recoveryRestore(recoveryKey.trim())),
    () => (recoveryKey.trim() === "" ? { recovery_key: "Enter your recovery key." } : null),
  );

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
        <form className="vault-form" noValidate onSubmit={onSubmit}>
          <FormError message={form.errors.form} />
          <TextField
            label="Recovery key"
            inputRef={form.fieldRef("recovery_key")}
            mono
            value={recoveryKey}
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            error={form.errors.recovery_key}
            onChange={(next) => {
              setRecoveryKey(next);
              form.clear("recovery_key");
            }}
          />
          <div className="vault-actions">
            <button type="submit" className="button button-primary" disabled={form.busy}>
              Restore access
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
