import type { AppError, ErrorField } from "../../ipc/types";

export type FormErrors = Partial<Record<ErrorField | "form", string>>;

/** Puts a back-end error under the field it names, or at the top of the form. */
export function formErrorsFrom(error: AppError, fields: readonly ErrorField[]): FormErrors {
  if (error.field && fields.includes(error.field)) return { [error.field]: error.message };
  return { form: error.message };
}
