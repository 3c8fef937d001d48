import { useRef, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
import { variableDelete } from "../../ipc/commands";
import type { Variable } from "../../ipc/types";

type DeleteVariableDialogProps = {
  projectId: string;
  variable: Variable;
  onClose: () => void;
  onDeleted: (variable: Variable) => void;
};

/** "Delete variable NAME?" with Cancel focused first. */
export function DeleteVariableDialog({ projectId, variable, onClose, onDeleted }: DeleteVariableDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);

  async function confirm() {
    if (deleting) return;
    setDeleting(true);
    try {
      await variableDelete(projectId, variable.name);
      onDeleted(variable);
    } catch (caught) {
      setError(toAppError(caught).message);
      setDeleting(false);
    }
  }

  return (
    <Dialog title={`Delete variable ${variable.name}?`} onClose={onClose} initialFocusRef={cancelRef}>
      <p>
        Steps that use <span className="mono">{`{${variable.name}}`}</span> will fail until a secret or variable of that
        name exists again.
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
