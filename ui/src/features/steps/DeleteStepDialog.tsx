import { useId, useRef, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
import { stepDelete } from "../../ipc/commands";
import type { Step } from "../../ipc/types";

type DeleteStepDialogProps = {
  projectId: string;
  step: Step;
  onClose: () => void;
  onDeleted: (step: Step) => void;
};

/** "Delete step NAME?" with Cancel focused first. */
export function DeleteStepDialog({ projectId, step, onClose, onDeleted }: DeleteStepDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  async function confirm() {
    if (deleting) return;
    setDeleting(true);
    setError(null);
    try {
      await stepDelete(projectId, step.id);
      onDeleted(step);
    } catch (caught) {
      setError(toAppError(caught).message);
      setDeleting(false);
    }
  }

  return (
    <Dialog title={`Delete step ${step.name}?`} onClose={onClose} initialFocusRef={cancelRef} describedById={descriptionId}>
      <p id={descriptionId}>
        The step “{step.name}” and everything written in it will be removed. The secrets and variables it uses stay.
        This cannot be undone.
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
