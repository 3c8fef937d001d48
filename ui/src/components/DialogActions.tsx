import type { ReactNode, Ref } from "react";

type DialogActionsProps = {
  onCancel: () => void;
  cancelRef?: Ref<HTMLButtonElement>;
  confirmLabel: ReactNode;
  confirmDisabled?: boolean;
  /** Without it the confirm button submits the surrounding form. */
  onConfirm?: () => void;
  /** A destructive action: the red button. */
  danger?: boolean;
  /** Shown before Cancel, e.g. how many changes there are. */
  children?: ReactNode;
};

/** The buttons at the bottom of a dialog: Cancel, then the primary action on the right. */
export function DialogActions({
  onCancel,
  cancelRef,
  confirmLabel,
  confirmDisabled = false,
  onConfirm,
  danger = false,
  children,
}: DialogActionsProps) {
  return (
    <div className="dialog-actions">
      {children}
      <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button
        type={onConfirm ? "button" : "submit"}
        className={danger ? "button button-danger" : "button button-primary"}
        disabled={confirmDisabled}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
    </div>
  );
}
