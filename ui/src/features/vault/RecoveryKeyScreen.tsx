import { useState } from "react";
import { Checkbox } from "../../components/forms/Checkbox";
import { FormError } from "../../components/forms/FormError";
import { useSubmit } from "../../components/forms/useSubmit";
import { useLoad } from "../../components/useLoad";
import { recoveryKeyConfirm, recoveryKeyShow } from "../../ipc/commands";
import type { VaultStatus } from "../../ipc/types";
import "./vault.css";

type RecoveryKeyScreenProps = { onConfirmed: (status: VaultStatus) => void };

/** First run: show the recovery key once and ask the user to confirm they saved it. */
export function RecoveryKeyScreen({ onConfirmed }: RecoveryKeyScreenProps) {
  const { data: recoveryKey, error: loadError, reload } = useLoad(recoveryKeyShow);
  const [saved, setSaved] = useState(false);
  const confirmation = useSubmit({ fields: [] });

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
            <p>Could not show the recovery key: {loadError.message}</p>
            <button type="button" className="button" onClick={() => void reload()}>
              Try again
            </button>
          </div>
        ) : (
          <p className="muted" role="status">
            Preparing your recovery key…
          </p>
        )}
        <Checkbox
          label="I have saved my recovery key"
          checked={saved}
          disabled={recoveryKey === null}
          onChange={setSaved}
        />
        <FormError message={confirmation.errors.form} />
        <div className="vault-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={!saved || confirmation.busy || recoveryKey === null}
            onClick={() => void confirmation.run(async () => onConfirmed(await recoveryKeyConfirm()))}
          >
            Continue
          </button>
        </div>
      </div>
    </main>
  );
}
