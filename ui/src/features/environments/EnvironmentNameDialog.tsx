import { useId, useRef, useState, type FormEvent } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
import { environmentCreate, environmentRename } from "../../ipc/commands";
import type { Environment } from "../../ipc/types";

type EnvironmentNameDialogProps = {
  projectId: string;
  /** The environment to rename; a new one is added when absent. */
  environment?: Environment;
  onClose: () => void;
  onDone: (environment: Environment) => void;
};

/** "Add environment" (Name → Add environment) or "Rename NAME" (Name → Rename). */
export function EnvironmentNameDialog({ projectId, environment, onClose, onDone }: EnvironmentNameDialogProps) {
  const [name, setName] = useState(environment?.name ?? "");
  const [error, setError] = useState<{ name?: string; form?: string }>({});
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const errorId = useId();
  const hintId = useId();
  const renaming = environment !== undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    if (name.trim() === "") {
      setError({ name: "An environment needs a name" });
      nameRef.current?.focus();
      return;
    }
    setSaving(true);
    setError({});
    try {
      const saved = renaming
        ? await environmentRename(projectId, environment.id, name)
        : await environmentCreate(projectId, name);
      onDone(saved);
    } catch (caught) {
      const appError = toAppError(caught);
      setError(appError.field === "name" ? { name: appError.message } : { form: appError.message });
      setSaving(false);
      if (appError.field === "name") nameRef.current?.focus();
    }
  }

  return (
    <Dialog
      title={renaming ? `Rename ${environment.name}` : "Add environment"}
      onClose={onClose}
      initialFocusRef={nameRef}
    >
      <form className="dialog-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {error.form && (
          <p className="form-error" role="alert">
            {error.form}
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
            placeholder="Staging"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            aria-invalid={error.name ? true : undefined}
            aria-describedby={error.name ? errorId : hintId}
            onChange={(event) => {
              setName(event.target.value);
              setError({});
            }}
          />
          {error.name ? (
            <p id={errorId} className="field-error">
              {error.name}
            </p>
          ) : (
            <p id={hintId} className="field-hint">
              {renaming
                ? "Its overrides stay as they are."
                : "Secrets use their default value here until you override them."}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {renaming ? "Rename" : "Add environment"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
