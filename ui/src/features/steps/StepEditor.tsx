import { useEffect, useId, useRef, useState } from "react";
import { toAppError } from "../../ipc/appError";
import { stepPreview, stepRename, stepSend, stepUpdate } from "../../ipc/commands";
import type {
  AppError,
  BodyKind,
  Environment,
  HttpMethod,
  Step,
  StepDefinition,
  StepPreview,
  StepResponse,
} from "../../ipc/types";
import { ReferenceField } from "./ReferenceField";
import { RowsEditor } from "./RowsEditor";
import { StepPreviewView } from "./StepPreviewView";
import { StepResponseView } from "./StepResponseView";

export const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const BODY_KINDS: { value: BodyKind; label: string }[] = [
  { value: "none", label: "None" },
  { value: "raw", label: "Raw text" },
  { value: "json", label: "JSON" },
];

type StepEditorProps = {
  projectId: string;
  step: Step;
  environment: Environment | undefined;
  onSaved: (step: Step) => void;
  onDelete: (step: Step) => void;
  onError: (error: AppError) => void;
};

type Panel =
  | { kind: "none" }
  | { kind: "busy"; what: "preview" | "send" }
  | { kind: "preview"; preview: StepPreview }
  | { kind: "response"; response: StepResponse }
  | { kind: "failed"; message: string };

/**
 * One step: its Name and fields, Save, and Preview / Send for the chosen environment. Preview
 * and Send save pending edits first (they work on the saved step). Give it `key={step.id}`.
 */
export function StepEditor({ projectId, step, environment, onSaved, onDelete, onError }: StepEditorProps) {
  const [name, setName] = useState(step.name);
  const [definition, setDefinition] = useState<StepDefinition>(step.definition);
  const [saved, setSaved] = useState<Step>(step);
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [panel, setPanel] = useState<Panel>({ kind: "none" });
  const nameId = useId();
  const nameErrorId = useId();
  const urlId = useId();
  const methodId = useId();
  const codeId = useId();
  const bodyId = useId();
  const bodyKindId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const dirty = name.trim() !== saved.name || JSON.stringify(definition) !== JSON.stringify(saved.definition);
  const environmentId = environment?.id ?? "";

  /** Saves pending edits; the saved step, or null when that failed (the errors are shown). */
  async function save(): Promise<Step | null> {
    if (!dirty) return saved;
    setSaving(true);
    setNameError(null);
    setFormError(null);
    let current = saved;
    try {
      if (name.trim() !== current.name) {
        try {
          current = await stepRename(projectId, step.id, name);
        } catch (caught) {
          const error = toAppError(caught);
          if (error.field === "name") {
            setNameError(error.message);
            nameRef.current?.focus();
          } else setFormError(error.message);
          return null;
        }
        setSaved(current);
        setName(current.name);
        onSaved(current);
      }
      if (JSON.stringify(definition) !== JSON.stringify(current.definition)) {
        try {
          current = await stepUpdate(projectId, step.id, definition);
        } catch (caught) {
          setFormError(toAppError(caught).message);
          return null;
        }
        setSaved(current);
        onSaved(current);
      }
      return current;
    } finally {
      setSaving(false);
    }
  }

  async function run(what: "preview" | "send") {
    if (!environmentId) return;
    const ready = await save();
    if (!ready) return;
    setPanel({ kind: "busy", what });
    try {
      if (what === "preview") {
        setPanel({ kind: "preview", preview: await stepPreview(projectId, step.id, environmentId) });
      } else {
        setPanel({ kind: "response", response: await stepSend(projectId, step.id, environmentId) });
      }
    } catch (caught) {
      setPanel({ kind: "failed", message: toAppError(caught).message });
    }
  }

  // A new preview or response comes into view (it opens below the form).
  useEffect(() => {
    if (panel.kind !== "none") panelRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [panel.kind]);

  // A preview follows the environment selector.
  const previewShown = panel.kind === "preview";
  useEffect(() => {
    if (!previewShown || !environmentId) return;
    let current = true;
    stepPreview(projectId, step.id, environmentId).then(
      (preview) => {
        if (current) setPanel({ kind: "preview", preview });
      },
      (caught: unknown) => {
        if (current) setPanel({ kind: "failed", message: toAppError(caught).message });
      },
    );
    return () => {
      current = false;
    };
    // Only a change of environment re-runs it; the buttons run it otherwise.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [environmentId]);

  const update = (change: Partial<StepDefinition>) => setDefinition((current) => ({ ...current, ...change }) as StepDefinition);

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
          <div className="field step-name-field">
            <label htmlFor={nameId} className="field-label">
              Name
            </label>
            <input
              ref={nameRef}
              id={nameId}
              className="input"
              value={name}
              autoComplete="off"
              maxLength={200}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? nameErrorId : undefined}
              onChange={(event) => {
                setName(event.target.value);
                setNameError(null);
              }}
            />
            {nameError && (
              <p id={nameErrorId} className="field-error">
                {nameError}
              </p>
            )}
          </div>
        </div>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}

        {definition.kind === "api" ? (
          <>
            <div className="step-request-line">
              <div className="field step-method-field">
                <label htmlFor={methodId} className="field-label">
                  Method
                </label>
                <select
                  id={methodId}
                  className="select"
                  value={definition.method}
                  onChange={(event) => update({ method: event.target.value as HttpMethod })}
                >
                  {METHODS.map((method) => (
                    <option key={method} value={method}>
                      {method}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field step-url-field">
                <label htmlFor={urlId} className="field-label">
                  URL
                </label>
                <ReferenceField
                  id={urlId}
                  value={definition.url}
                  placeholder="https://api.example.com/v1/{PATH}"
                  onChange={(url) => update({ url })}
                />
              </div>
            </div>
            <RowsEditor
              title="Headers"
              singular="Header"
              rows={definition.headers}
              onChange={(headers) => update({ headers })}
              addLabel="Add header"
              namePlaceholder="Authorization"
            />
            <RowsEditor
              title="Query"
              singular="Query parameter"
              rows={definition.query}
              onChange={(query) => update({ query })}
              addLabel="Add query parameter"
              namePlaceholder="page"
            />
            <section className="step-section">
              <div className="step-body-heading">
                <label htmlFor={bodyId} className="step-section-heading">
                  Body
                </label>
                <label htmlFor={bodyKindId} className="visually-hidden">
                  Body type
                </label>
                <select
                  id={bodyKindId}
                  className="select step-body-kind"
                  value={definition.body.kind}
                  onChange={(event) =>
                    update({ body: { ...definition.body, kind: event.target.value as BodyKind } })
                  }
                >
                  {BODY_KINDS.map((kind) => (
                    <option key={kind.value} value={kind.value}>
                      {kind.label}
                    </option>
                  ))}
                </select>
              </div>
              {definition.body.kind === "none" ? (
                <p className="field-hint">No body is sent. Choose Raw text or JSON to write one.</p>
              ) : (
                <ReferenceField
                  id={bodyId}
                  multiline
                  rows={8}
                  value={definition.body.text}
                  placeholder={definition.body.kind === "json" ? '{"user": "{USER_ID}"}' : ""}
                  onChange={(text) => update({ body: { ...definition.body, text } })}
                />
              )}
            </section>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor={codeId} className="field-label">
                Code
              </label>
              <ReferenceField
                id={codeId}
                multiline
                rows={10}
                value={definition.code}
                placeholder="Type { to insert a secret or variable"
                onChange={(code) => update({ code })}
              />
            </div>
            <RowsEditor
              title="Inputs"
              singular="Input"
              rows={definition.inputs}
              onChange={(inputs) => update({ inputs })}
              addLabel="Add input"
              namePlaceholder="user_id"
              referenceNames={false}
            />
          </>
        )}

        <div className="step-actions">
          <button type="button" className="button button-quiet step-delete" onClick={() => onDelete(saved)}>
            Delete step
          </button>
          <span className="step-actions-spacer" />
          {dirty && <span className="muted step-unsaved">Unsaved changes</span>}
          <button type="submit" className="button" disabled={!dirty || saving}>
            Save
          </button>
          <button
            type="button"
            className="button"
            disabled={!environmentId || saving || panel.kind === "busy"}
            onClick={() => void run("preview")}
          >
            Preview
          </button>
          {definition.kind === "api" && (
            <button
              type="button"
              className="button button-primary"
              disabled={!environmentId || saving || panel.kind === "busy"}
              onClick={() => void run("send")}
            >
              Send
            </button>
          )}
        </div>
      </form>

      <div ref={panelRef}>
        {panel.kind === "busy" && (
          <p className="muted step-busy" role="status">
            {panel.what === "preview" ? "Resolving references…" : `Sending in ${environment?.name ?? ""}…`}
          </p>
        )}
        {panel.kind === "failed" && (
          <p className="form-error step-failed" role="alert" data-testid="step-failed">
            {panel.message}
          </p>
        )}
        {panel.kind === "preview" && <StepPreviewView preview={panel.preview} projectId={projectId} onError={onError} />}
        {panel.kind === "response" && <StepResponseView response={panel.response} />}
      </div>
    </div>
  );
}
