import { useId, useRef, useState, type FormEvent } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
import type { ProjectSummary } from "../../ipc/types";

type ProjectNameDialogProps = {
  title: string;
  submitLabel: string;
  initialName?: string;
  onSubmit: (name: string) => Promise<ProjectSummary>;
  onClose: () => void;
  onDone: (project: ProjectSummary) => void;
};

/** New project / Rename project: one Name field; the back end checks the name. */
export function ProjectNameDialog({ title, submitLabel, initialName = "", onSubmit, onClose, onDone }: ProjectNameDialogProps) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      onDone(await onSubmit(name));
    } catch (caught) {
      setError(toAppError(caught).message);
      setSaving(false);
      inputRef.current?.focus();
    }
  }

  return (
    <Dialog title={title} onClose={onClose} initialFocusRef={inputRef}>
      <form className="dialog-form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={id} className="field-label">
            Name
          </label>
          <input
            ref={inputRef}
            id={id}
            className="input"
            value={name}
            placeholder="Support Agent"
            autoComplete="off"
            maxLength={200}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
          {error && (
            <p id={errorId} className="field-error">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
