import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { toAppError } from "../../ipc/appError";
import type { ErrorField } from "../../ipc/types";
import { formErrorsFrom, type FormErrors } from "./formErrors";

type SubmitOptions = {
  /** The fields this form shows; an error naming another one goes to the top of the form. */
  fields: readonly ErrorField[];
  /** The field that shows errors naming none of `fields` (a form with one field), instead of the top. */
  otherErrorsUnder?: ErrorField;
};

export type Submit = {
  errors: FormErrors;
  /** True while the action runs: the submit button is off. */
  busy: boolean;
  /** Drops the error of `field` (the user is changing it), or every error. */
  clear: (field?: ErrorField) => void;
  /** Shows problems found before anything was sent, and focuses the field concerned. */
  reject: (errors: FormErrors) => void;
  /** The ref of the control of `field`: it gets the focus when that field gets an error. */
  fieldRef: (field: ErrorField) => (element: HTMLElement | null) => void;
  /** Runs `action` unless one is running; a rejection lands under the field it names. Resolves to success. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  /** A form's onSubmit: `check` (problems, or null) first, then `run(action)`. */
  handle: (action: () => Promise<unknown>, check?: () => FormErrors | null) => (event: FormEvent) => void;
};

/**
 * The submit side of a form: busy state, errors by field (the back end's `AppError.field`),
 * focus on the field in error. The dialog stays open on an error; the action closes it on success.
 */
export function useSubmit({ fields, otherErrorsUnder }: SubmitOptions): Submit {
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const controls = useRef(new Map<ErrorField, HTMLElement>());
  // A dialog usually closes when its action succeeds: no state updates after that.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  function reject(next: FormErrors) {
    setErrors(next);
    const field = fields.find((each) => next[each] !== undefined);
    if (field) controls.current.get(field)?.focus();
  }

  function fieldRef(field: ErrorField) {
    return (element: HTMLElement | null) => {
      if (element) controls.current.set(field, element);
      else controls.current.delete(field);
    };
  }

  const clear = useCallback((field?: ErrorField) => {
    setErrors((current) => {
      if (field === undefined) return {};
      const { [field]: _dropped, ...rest } = current;
      return rest;
    });
  }, []);

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setErrors({});
    try {
      await action();
      return true;
    } catch (caught) {
      const appError = toAppError(caught);
      const named = appError.field !== null && fields.includes(appError.field);
      const field = named ? appError.field : (otherErrorsUnder ?? null);
      if (mounted.current) reject(formErrorsFrom({ ...appError, field }, fields));
      return false;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }

  function handle(action: () => Promise<unknown>, check?: () => FormErrors | null) {
    return (event: FormEvent) => {
      event.preventDefault();
      if (busy) return;
      const problems = check?.();
      if (problems) reject(problems);
      else void run(action);
    };
  }

  return { errors, busy, clear, reject, fieldRef, run, handle };
}
