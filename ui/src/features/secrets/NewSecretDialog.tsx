import { useId, useRef, useState, type FormEvent } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
import { secretCreate } from "../../ipc/commands";
import type { SecretRow, Visibility } from "../../ipc/types";
import { formErrorsFrom, type FormErrors } from "./formErrors";
import { secretNameProblem } from "./secretName";
import { SecretValueField } from "./SecretValueField";
import { submitOnEnter } from "./submitOnEnter";
import { VisibilityChoice } from "./VisibilityChoice";

type NewSecretDialogProps = {
  projectId: string;
  onClose: () => void;
  onCreated: (secret: SecretRow) => void;
};

/** The New Secret modal: Name, Value, Visibility → Create Secret. */
export function NewSecretDialog({ projectId, onClose, onCreated }: NewSecretDialogProps) {
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("masked");
  const [nameTouched, setNameTouched] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const nameErrorId = useId();

  // Instant feedback from the mirrored rule once the user has typed; the back end's
  // message (kept in `errors.name`) wins until the name changes again.
  const nameError = errors.name ?? (nameTouched && name !== "" ? secretNameProblem(name) : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const problem = secretNameProblem(name);
    if (problem) {
      setNameTouched(true);
      setErrors({ name: problem });
      nameRef.current?.focus();
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      const created = await secretCreate(projectId, { name, value, visibility });
      onCreated(created);
    } catch (caught) {
      const next = formErrorsFrom(toAppError(caught), ["name", "value", "visibility"]);
      setErrors(next);
      setSaving(false);
      if (next.name) nameRef.current?.focus();
    }
  }

  return (
    <Dialog title="New Secret" onClose={onClose} initialFocusRef={nameRef}>
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
            placeholder="DB_PASSWORD"
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={256}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? nameErrorId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setNameTouched(true);
              setErrors(({ name: _dropped, ...rest }) => rest);
            }}
          />
          {nameError && (
            <p id={nameErrorId} className="field-error">
              {nameError}
            </p>
          )}
        </div>
        <SecretValueField
          value={value}
          onChange={(next) => {
            setValue(next);
            setErrors(({ value: _dropped, ...rest }) => rest);
          }}
          error={errors.value}
        />
        <VisibilityChoice value={visibility} onChange={setVisibility} error={errors.visibility} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            Create Secret
          </button>
        </div>
      </form>
    </Dialog>
  );
}
