import { useId, useRef, useState, type ReactNode } from "react";
import { toAppError } from "../ipc/appError";
import { Dialog } from "./Dialog";
import { DialogActions } from "./DialogActions";
import { FormError } from "./forms/FormError";

type ConfirmDeleteDialogProps = {
  /** e.g. "Delete secret NAME?" */
  title: string;
  /** What goes with it; shown in a paragraph under the title. */
  description: ReactNode;
  /** Deletes the thing; a rejection is shown as the dialog's error and Delete can be pressed again. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Whether the description paragraph is the dialog's accessible description (default true). */
  describe?: boolean;
  /** Whether a previous error is cleared when Delete is pressed again (default true). */
  clearErrorOnRetry?: boolean;
};

/** A "Delete …?" confirmation with Cancel focused first and a Delete button that is off while deleting. */
export function ConfirmDeleteDialog({
  title,
  description,
  onConfirm,
  onClose,
  describe = true,
  clearErrorOnRetry = true,
}: ConfirmDeleteDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  async function confirm() {
    if (deleting) return;
    setDeleting(true);
    if (clearErrorOnRetry) setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(toAppError(caught).message);
      setDeleting(false);
    }
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      initialFocusRef={cancelRef}
      describedById={describe ? descriptionId : undefined}
    >
      <p id={describe ? descriptionId : undefined}>{description}</p>
      <FormError message={error} />
      <DialogActions
        onCancel={onClose}
        cancelRef={cancelRef}
        confirmLabel="Delete"
        confirmDisabled={deleting}
        onConfirm={() => void confirm()}
        danger
      />
    </Dialog>
  );
}
