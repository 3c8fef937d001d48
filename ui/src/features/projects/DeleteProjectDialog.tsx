import { useId, useRef, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
import { projectDelete } from "../../ipc/projectCommands";
import type { ProjectSummary } from "../../ipc/types";

type DeleteProjectDialogProps = {
  project: ProjectSummary;
  onClose: () => void;
  onDeleted: () => void;
};

/** "Delete project NAME?" — says what goes, with Cancel focused first. */
export function DeleteProjectDialog({ project, onClose, onDeleted }: DeleteProjectDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  async function confirm() {
    if (deleting) return;
    setDeleting(true);
    try {
      await projectDelete(project.id);
      onDeleted();
    } catch (caught) {
      setError(toAppError(caught).message);
      setDeleting(false);
    }
  }

  const count = project.secretCount === 1 ? "its secret" : `its ${project.secretCount} secrets`;
  return (
    <Dialog
      title={`Delete project ${project.name}?`}
      onClose={onClose}
      initialFocusRef={cancelRef}
      describedById={descriptionId}
    >
      <p id={descriptionId}>
        {project.name} will be deleted with {count}, environments, overrides, steps and variables. This cannot be
        undone; export it first if you may need its names again.
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
