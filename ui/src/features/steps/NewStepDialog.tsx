import { useId, useRef, useState, type FormEvent } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
import { stepCreate } from "../../ipc/commands";
import type { Step, StepKind } from "../../ipc/types";
import { formErrorsFrom, type FormErrors } from "../secrets/formErrors";
import { submitOnEnter } from "../secrets/submitOnEnter";

type NewStepDialogProps = {
  projectId: string;
  onClose: () => void;
  onCreated: (step: Step) => void;
};

const KINDS: { value: StepKind; label: string; description: string }[] = [
  { value: "function", label: "Function", description: "Code with named inputs" },
  { value: "api", label: "API", description: "An HTTP request: method, URL, headers, query, body" },
];

/** New Step: a Name and the kind, Function or API. */
export function NewStepDialog({ projectId, onClose, onCreated }: NewStepDialogProps) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<StepKind>("api");
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const nameErrorId = useId();
  const radioName = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    if (!name.trim()) {
      setErrors({ name: "A step name is required" });
      nameRef.current?.focus();
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      onCreated(await stepCreate(projectId, name, kind));
    } catch (caught) {
      const next = formErrorsFrom(toAppError(caught), ["name"]);
      setErrors(next);
      setSaving(false);
      if (next.name) nameRef.current?.focus();
    }
  }

  return (
    <Dialog title="New Step" onClose={onClose} initialFocusRef={nameRef}>
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
            className="input"
            value={name}
            placeholder="Fetch order status"
            autoComplete="off"
            maxLength={200}
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
        <fieldset className="field step-kind-choice">
          <legend className="field-label">Kind</legend>
          {KINDS.map((option) => {
            const inputId = `${radioName}-${option.value}`;
            return (
              <div key={option.value} className="step-kind-option">
                <input
                  id={inputId}
                  type="radio"
                  name={radioName}
                  value={option.value}
                  checked={kind === option.value}
                  aria-describedby={`${inputId}-description`}
                  onChange={() => setKind(option.value)}
                />
                <label htmlFor={inputId} className="step-kind-label">
                  {option.label}
                </label>
                <span id={`${inputId}-description`} className="field-hint">
                  {option.description}
                </span>
              </div>
            );
          })}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            Create Step
          </button>
        </div>
      </form>
    </Dialog>
  );
}
