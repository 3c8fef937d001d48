import type { FormEvent, ReactNode, RefObject } from "react";
import { Dialog } from "../Dialog";
import { DialogActions } from "../DialogActions";
import { FormError } from "./FormError";
import { submitOnEnter } from "./submitOnEnter";
import type { Submit } from "./useSubmit";

type FormDialogProps = {
  title: string;
  onClose: () => void;
  initialFocusRef?: RefObject<HTMLElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Its error that names no field is shown above the fields; the submit button is off while it is busy. */
  form: Pick<Submit, "errors" | "busy">;
  submitLabel: ReactNode;
  /** Off for another reason than being busy. */
  submitDisabled?: boolean;
  children: ReactNode;
};

/** A modal holding one form: its fields, an error at the top, Cancel and the submit button. */
export function FormDialog({
  title,
  onClose,
  initialFocusRef,
  onSubmit,
  form,
  submitLabel,
  submitDisabled = false,
  children,
}: FormDialogProps) {
  return (
    <Dialog title={title} onClose={onClose} initialFocusRef={initialFocusRef}>
      <form className="dialog-form" noValidate onSubmit={onSubmit} onKeyDown={submitOnEnter}>
        <FormError message={form.errors.form} />
        {children}
        <DialogActions onCancel={onClose} confirmLabel={submitLabel} confirmDisabled={form.busy || submitDisabled} />
      </form>
    </Dialog>
  );
}
