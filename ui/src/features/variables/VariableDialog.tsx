import { useId, useRef, useState, type FormEvent } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
import { variableSet } from "../../ipc/commands";
import type { Variable } from "../../ipc/types";
import { formErrorsFrom, type FormErrors } from "../secrets/formErrors";
import { secretNameProblem } from "../secrets/secretName";
import { submitOnEnter } from "../secrets/submitOnEnter";

type VariableDialogProps = {
  projectId: string;
  /** The variable to edit (its value); a new one when absent. */
  variable?: Variable;
  onClose: () => void;
  onSaved: (variable: Variable) => void;
};

/** New Variable (Name and Value) or Edit Variable (its Value). */
export function VariableDialog({ projectId, variable, onClose, onSaved }: VariableDialogProps) {
  const editing = variable !== undefined;
  const [name, setName] = useState(variable?.name ?? "");
  const [value, setValue] = useState(variable?.value ?? "");
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const valueRef = useRef<HTMLTextAreaElement>(null);
  const nameId = useId();
  const nameErrorId = useId();
  const valueId = useId();
  const valueErrorId = useId();
  const hintId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const problem = editing ? null : secretNameProblem(name);
    if (problem) {
      setErrors({ name: problem });
      nameRef.current?.focus();
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      onSaved(await variableSet(projectId, name, value));
    } catch (caught) {
      const next = formErrorsFrom(toAppError(caught), ["name", "value"]);
      setErrors(next);
      setSaving(false);
      if (next.name) nameRef.current?.focus();
    }
  }

  return (
    <Dialog
      title={editing ? `Edit variable ${variable.name}` : "New Variable"}
      onClose={onClose}
      initialFocusRef={editing ? valueRef : nameRef}
    >
      <form className="dialog-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={submitOnEnter}>
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="field">
          <label htmlFor={nameId} className="field-label">
            Name
          </label>
          <input
            ref={nameRef}
            id={nameId}
            className="input mono"
            value={name}
            readOnly={editing}
            placeholder="BASE_URL"
            autoComplete="off"
            spellCheck={false}
            maxLength={256}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? nameErrorId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setErrors(({ name: _dropped, ...rest }) => rest);
            }}
          />
          {errors.name && (
            <p id={nameErrorId} className="field-error">
              {errors.name}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={valueId} className="field-label">
            Value
          </label>
          <textarea
            ref={valueRef}
            id={valueId}
            className="textarea mono"
            value={value}
            rows={3}
            spellCheck={false}
            aria-invalid={errors.value ? true : undefined}
            aria-describedby={errors.value ? `${valueErrorId} ${hintId}` : hintId}
            onChange={(event) => {
              setValue(event.target.value);
              setErrors(({ value: _dropped, ...rest }) => rest);
            }}
          />
          <p id={hintId} className="field-hint">
            Variables are not secret: their values are shown in previews. Keep keys and passwords in Secrets.
          </p>
          {errors.value && (
            <p id={valueErrorId} className="field-error">
              {errors.value}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
