import { useMemo, useRef, useState, type ReactNode } from "react";
import { Dialog } from "../../components/Dialog";
import { UnsavedChangesContext, type PendingEdits, type UnsavedChanges } from "./unsavedChanges";

type Prompt = { pending: PendingEdits[]; proceed: () => void; stay: () => void };

/** Holds the editors' unsaved edits and asks "Save / Discard / Cancel" before they would be lost. */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const editors = useRef(new Set<{ readonly current: PendingEdits }>());
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [saving, setSaving] = useState(false);

  const value = useMemo<UnsavedChanges>(
    () => ({
      register(edits) {
        editors.current.add(edits);
        return () => {
          editors.current.delete(edits);
        };
      },
      guard(reason, proceed, stay = () => undefined) {
        const pending = Array.from(editors.current, (edits) => edits.current).filter(
          (edits) => !edits.keptAcross?.includes(reason),
        );
        if (pending.length === 0) proceed();
        else setPrompt({ pending, proceed, stay });
      },
    }),
    [],
  );

  async function save(current: Prompt) {
    setSaving(true);
    let saved = true;
    for (const edits of current.pending) saved = saved && (await edits.save());
    setSaving(false);
    setPrompt(null);
    if (saved) current.proceed();
    else current.stay();
  }

  function cancel(current: Prompt) {
    setPrompt(null);
    current.stay();
  }

  return (
    <UnsavedChangesContext.Provider value={value}>
      {children}
      {prompt && (
        <Dialog title="Unsaved changes" onClose={() => !saving && cancel(prompt)}>
          <p data-testid="unsaved-changes">
            {prompt.pending.map((edits) => edits.what).join(", ")} {prompt.pending.length === 1 ? "has" : "have"}{" "}
            changes that are not saved.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" disabled={saving} onClick={() => cancel(prompt)}>
              Cancel
            </button>
            <button
              type="button"
              className="button"
              disabled={saving}
              onClick={() => {
                setPrompt(null);
                prompt.proceed();
              }}
            >
              Discard
            </button>
            <button type="button" className="button button-primary" disabled={saving} onClick={() => void save(prompt)}>
              Save
            </button>
          </div>
        </Dialog>
      )}
    </UnsavedChangesContext.Provider>
  );
}
