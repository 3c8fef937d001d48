import { useId, useRef, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
import { environmentDelete } from "../../ipc/commands";
import type { Environment } from "../../ipc/types";
import { plural } from "./environmentState";

type DeleteEnvironmentDialogProps = {
  projectId: string;
  environment: Environment;
  /** How many secrets have an override in it (they lose that override). */
  overrideCount: number;
  onClose: () => void;
  onDeleted: () => void;
};

/** "Delete environment NAME?" — says what goes with it, with Cancel focused first. */
export function DeleteEnvironmentDialog({
  projectId,
  environment,
  overrideCount,
  onClose,
  onDeleted,
}: DeleteEnvironmentDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  async function confirm() {
    if (deleting) return;
    setDeleting(true);
    setError(null);
    try {
      await environmentDelete(projectId, environment.id);
      onDeleted();
    } catch (caught) {
      setError(toAppError(caught).message);
      setDeleting(false);
    }
  }

  return (
    <Dialog
      title={`Delete environment ${environment.name}?`}
      onClose={onClose}
      initialFocusRef={cancelRef}
      describedById={descriptionId}
    >
      <p id={descriptionId}>
        {overrideCount > 0
          ? `Its ${plural(overrideCount, "override")} will be deleted with it. `
          : "It has no overrides. "}
        Secrets keep their default values and their values in other environments. This cannot be undone.
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
