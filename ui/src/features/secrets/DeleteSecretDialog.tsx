import { useId, useRef, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
import { secretDelete } from "../../ipc/commands";
import type { SecretRow } from "../../ipc/types";

type DeleteSecretDialogProps = {
  projectId: string;
  secret: SecretRow;
  onClose: () => void;
  onDeleted: (secret: SecretRow) => void;
};

/** "Delete secret NAME?" — says what goes, with Cancel focused first. */
export function DeleteSecretDialog({ projectId, secret, onClose, onDeleted }: DeleteSecretDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  async function confirm() {
    if (deleting) return;
    setDeleting(true);
    setError(null);
    try {
      await secretDelete(projectId, secret.id);
      onDeleted(secret);
    } catch (caught) {
      setError(toAppError(caught).message);
      setDeleting(false);
    }
  }

  return (
    <Dialog
      title={`Delete secret ${secret.name}?`}
      onClose={onClose}
      initialFocusRef={cancelRef}
      describedById={descriptionId}
    >
      <p id={descriptionId}>
        <span className="mono">{secret.name}</span> will be removed from every environment, together with its
        overrides. Steps that use <span className="mono">{`{${secret.name}}`}</span> will fail until you create it
        again. This cannot be undone.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" disabled={deleting} onClick={() => void confirm()}>
          Delete
        </button>
      </div>
    </Dialog>
  );
}
