import { useState } from "react";
import { NameField } from "../../components/forms/Field";
import { FormError } from "../../components/forms/FormError";
import { useSubmit } from "../../components/forms/useSubmit";
import { stepRename, stepUpdate } from "../../ipc/commands";
import { LIMITS } from "../../ipc/limits";
import type { AppError, Environment, Step, StepDefinition } from "../../ipc/types";
import { useUnsavedChanges } from "../shell/unsavedChanges";
import { ApiStepFields } from "./ApiStepFields";
import { FunctionStepFields } from "./FunctionStepFields";
import { StepRunPanel, useStepRun, type RunKind } from "./StepRunPanel";

type StepEditorProps = {
  projectId: string;
  step: Step;
  environment: Environment | undefined;
  onSaved: (step: Step) => void;
  onDelete: (step: Step) => void;
  onError: (error: AppError) => void;
};

/**
 * One step: its Name and fields, Save, and Preview / Send for the chosen environment. Preview
 * and Send save pending edits first (they work on the saved step). Give it `key={step.id}`.
 */
export function StepEditor({ projectId, step, environment, onSaved, onDelete, onError }: StepEditorProps) {
  const [name, setName] = useState(step.name);
  const [definition, setDefinition] = useState<StepDefinition>(step.definition);
  const [saved, setSaved] = useState<Step>(step);
  const form = useSubmit({ fields: ["name"] });
  const environmentId = environment?.id ?? "";
  const { panel, run } = useStepRun(projectId, step.id, environmentId);

  const dirty = name.trim() !== saved.name || JSON.stringify(definition) !== JSON.stringify(saved.definition);

  /** Saves pending edits; false when that failed (the errors are shown). */
  async function save(): Promise<boolean> {
    if (!dirty) return true;
    return form.run(async () => {
      let current = saved;
      if (name.trim() !== current.name) {
        current = await stepRename(projectId, step.id, name);
        setSaved(current);
        setName(current.name);
        onSaved(current);
      }
      if (JSON.stringify(definition) !== JSON.stringify(current.definition)) {
        current = await stepUpdate(projectId, step.id, definition);
        setSaved(current);
        onSaved(current);
      }
    });
  }

  // Leaving with edits asks first; they stay through an environment switch (the editor does).
  useUnsavedChanges(dirty, { what: `Step “${saved.name}”`, save, keptAcross: ["environment"] });

  async function saveAndRun(what: RunKind) {
    if (!environmentId) return;
    if (await save()) await run(what);
  }

  const update = (change: Partial<StepDefinition>) => setDefinition((current) => ({ ...current, ...change }) as StepDefinition);
  const runDisabled = !environmentId || form.busy || panel.kind === "busy";

  return (
    <div className="step-editor" data-testid="step-editor" data-name={saved.name}>
      <form
        className="step-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="step-form-header">
          <span className="step-kind-pill">{definition.kind === "api" ? "API" : "Function"}</span>
          <NameField
            form={form}
            fieldClassName="step-name-field"
            value={name}
            maxLength={LIMITS.labelMaxChars}
            onChange={setName}
          />
        </div>
        <FormError message={form.errors.form} />

        {definition.kind === "api" ? (
          <ApiStepFields definition={definition} onChange={update} />
        ) : (
          <FunctionStepFields definition={definition} onChange={update} />
        )}

        <div className="step-actions">
          <button type="button" className="button button-quiet step-delete" onClick={() => onDelete(saved)}>
            Delete step
          </button>
          <span className="step-actions-spacer" />
          {dirty && <span className="muted step-unsaved">Unsaved changes</span>}
          <button type="submit" className="button" disabled={!dirty || form.busy}>
            Save
          </button>
          <button type="button" className="button" disabled={runDisabled} onClick={() => void saveAndRun("preview")}>
            Preview
          </button>
          {definition.kind === "api" && (
            <button
              type="button"
              className="button button-primary"
              disabled={runDisabled}
              onClick={() => void saveAndRun("send")}
            >
              Send
            </button>
          )}
        </div>
      </form>

      <StepRunPanel projectId={projectId} panel={panel} environment={environment} onError={onError} />
    </div>
  );
}
