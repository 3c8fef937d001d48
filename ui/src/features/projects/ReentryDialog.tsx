import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { Dialog } from "../../components/Dialog";
import { FormError } from "../../components/forms/FormError";
import { useSubmit } from "../../components/forms/useSubmit";
import { useLoad } from "../../components/useLoad";
import { pendingValueList, pendingValueSet } from "../../ipc/projectCommands";
import { SecretValueField } from "../secrets/SecretValueField";
import { VisibilityPill } from "../secrets/VisibilityPill";

type ReentryDialogProps = {
  projectId: string;
  onClose: () => void;
  /** Called once when the dialog closes after at least one value was saved. */
  onChanged: () => void;
};

/**
 * The guided re-entry after an import: one pending value after another (each secret's default
 * first, then each environment that had an override), with Back, Skip and Save & next.
 * Inputs are never pre-filled: a value goes to Rust and never comes back.
 */
export function ReentryDialog({ projectId, onClose, onChanged }: ReentryDialogProps) {
  const { data: slots, error: loadError } = useLoad(useCallback(() => pendingValueList(projectId), [projectId]));
  const [index, setIndex] = useState(0);
  const [saved, setSaved] = useState<ReadonlySet<number>>(new Set());
  const [value, setValue] = useState("");
  const valueRef = useRef<HTMLTextAreaElement>(null);
  // Every error of a save is about the value being entered.
  const form = useSubmit({ fields: ["value"], otherErrorsUnder: "value" });

  useEffect(() => {
    valueRef.current?.focus();
  }, [index, slots]);

  function close() {
    if (saved.size > 0) onChanged();
    onClose();
  }

  function go(next: number) {
    setIndex(next);
    setValue("");
    form.clear();
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const slot = slots?.[index];
    if (!slot || value === "") return;
    void form.run(async () => {
      await pendingValueSet(projectId, slot.secretId, slot.environmentId, value);
      setSaved((current) => new Set(current).add(index));
      go(index + 1);
    });
  }

  const total = slots?.length ?? 0;
  const slot = slots?.[index];

  let body;
  if (slots === null) {
    body = loadError ? <FormError message={loadError.message} /> : <p className="muted">Loading…</p>;
  } else if (!slot) {
    const left = total - saved.size;
    body = (
      <div className="dialog-form" data-testid="reentry-done">
        <p>
          {total === 0
            ? "Every value is in place."
            : `Saved ${saved.size} of ${total} ${total === 1 ? "value" : "values"}.`}{" "}
          {left > 0 && `${left} still ${left === 1 ? "needs" : "need"} a value: the Needs value filter shows them.`}
        </p>
        <div className="dialog-actions">
          {total > 0 && (
            <button type="button" className="button" onClick={() => go(total - 1)}>
              Back
            </button>
          )}
          <button type="button" className="button button-primary" onClick={close}>
            Done
          </button>
        </div>
      </div>
    );
  } else {
    body = (
      <form className="dialog-form" noValidate onSubmit={save} data-testid="reentry-step">
        <p className="reentry-progress muted" aria-live="polite">
          {index + 1} of {total}
        </p>
        <div className="reentry-target">
          <span className="mono reentry-name" data-testid="reentry-name">
            {slot.secretName}
          </span>
          <span className="reentry-environment" data-testid="reentry-environment">
            {slot.environmentName ?? "Default"}
          </span>
          <VisibilityPill visibility={slot.visibility} />
        </div>
        <SecretValueField
          inputRef={valueRef}
          value={value}
          onChange={(next) => {
            setValue(next);
            form.clear();
          }}
          error={form.errors.value}
          hint={
            saved.has(index)
              ? "Saved. Enter a new value to replace it, or go on."
              : slot.environmentName
                ? `The value ${slot.secretName} has in ${slot.environmentName} (an override).`
                : `The default value of ${slot.secretName}, used where no environment overrides it.`
          }
        />
        <div className="dialog-actions reentry-actions">
          <button type="button" className="button" disabled={index === 0} onClick={() => go(index - 1)}>
            Back
          </button>
          <button type="button" className="button" onClick={() => go(index + 1)}>
            Skip
          </button>
          <button type="submit" className="button button-primary" disabled={form.busy || value === ""}>
            Save &amp; next
          </button>
        </div>
      </form>
    );
  }

  return (
    <Dialog title="Enter values" onClose={close}>
      {body}
    </Dialog>
  );
}
