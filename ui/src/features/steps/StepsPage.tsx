import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toAppError } from "../../ipc/appError";
import { stepList, variableList } from "../../ipc/commands";
import type { AppError, Environment, ProjectSummary, Step, Variable } from "../../ipc/types";
import { NewSecretDialog } from "../secrets/NewSecretDialog";
import { useSecretList } from "../secrets/useSecretList";
import { AppLayout } from "../shell/AppLayout";
import { EnvironmentSelect } from "../shell/EnvironmentSelect";
import { useToasts } from "../shell/toastContext";
import { DeleteStepDialog } from "./DeleteStepDialog";
import { NewStepDialog } from "./NewStepDialog";
import { ReferenceCatalogContext, type ReferenceCatalog } from "./referenceCatalog";
import { StepEditor } from "./StepEditor";
import "./steps.css";

type StepsPageProps = {
  project: ProjectSummary;
  environments: Environment[];
  environmentId: string;
  onEnvironmentChange: (environmentId: string) => void;
};

type OpenDialog =
  | { kind: "new-step" }
  | { kind: "delete-step"; step: Step }
  | { kind: "new-secret"; onCreated: (name: string) => void }
  | null;

/**
 * Agent Settings → Steps: the project's Function and API steps, one open in the editor. Its
 * fields take `{NAME}` references to the project's variables and secrets (the `{` picker).
 */
export function StepsPage({ project, environments, environmentId, onEnvironmentChange }: StepsPageProps) {
  const toasts = useToasts();
  const { secrets, refresh: refreshSecrets } = useSecretList(project.id);
  const [steps, setSteps] = useState<Step[] | null>(null);
  const [variables, setVariables] = useState<Variable[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [attempt, setAttempt] = useState(0);
  const newStepRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    Promise.all([stepList(project.id), variableList(project.id)]).then(
      ([loadedSteps, loadedVariables]) => {
        if (!current) return;
        setSteps(loadedSteps);
        setVariables(loadedVariables);
        setError(null);
        setSelectedId((selected) => selected ?? loadedSteps[0]?.id ?? null);
      },
      (caught: unknown) => {
        if (current) setError(toAppError(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [project.id, attempt]);

  const showError = useCallback((appError: AppError) => toasts.showError(appError.message), [toasts]);

  const catalog = useMemo<ReferenceCatalog>(
    () => ({
      variables,
      secrets: secrets ?? [],
      createSecret: (onCreated) => setDialog({ kind: "new-secret", onCreated }),
    }),
    [variables, secrets],
  );

  const selected = steps?.find((step) => step.id === selectedId) ?? null;
  const environment = environments.find((each) => each.id === environmentId);

  function onSaved(step: Step) {
    setSteps((current) => current?.map((each) => (each.id === step.id ? step : each)) ?? current);
  }

  let content;
  if (steps === null) {
    content = error ? (
      <div className="empty-state" role="alert">
        <p className="empty-state-text">Could not load steps: {error.message}</p>
        <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
          Try again
        </button>
      </div>
    ) : (
      <p className="page-status muted">Loading steps…</p>
    );
  } else if (steps.length === 0) {
    content = (
      <div className="empty-state">
        <p className="empty-state-title">No steps yet</p>
        <p className="empty-state-text">
          Steps are the Function and API calls of your agent. Their fields refer to secrets and variables by name — type{" "}
          <span className="mono">{"{"}</span> to insert one — so values never have to be pasted into them.
        </p>
        <button type="button" className="button button-primary" onClick={() => setDialog({ kind: "new-step" })}>
          New Step
        </button>
      </div>
    );
  } else {
    content = (
      <div className="steps-page">
        <nav className="steps-list" aria-label="Steps" data-testid="steps-list">
          <ul>
            {steps.map((step) => (
              <li key={step.id}>
                <button
                  type="button"
                  className="steps-list-item"
                  data-testid="step-item"
                  data-name={step.name}
                  aria-current={step.id === selectedId ? "true" : undefined}
                  onClick={() => setSelectedId(step.id)}
                >
                  <span className="steps-list-name">{step.name}</span>
                  <span className="step-kind-pill">{step.definition.kind === "api" ? "API" : "Function"}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="steps-editor-pane">
          {selected ? (
            <StepEditor
              key={selected.id}
              projectId={project.id}
              step={selected}
              environment={environment}
              onSaved={onSaved}
              onDelete={(step) => setDialog({ kind: "delete-step", step })}
              onError={showError}
            />
          ) : (
            <p className="page-status muted">Choose a step on the left.</p>
          )}
        </div>
      </div>
    );
  }

  return (
    <ReferenceCatalogContext.Provider value={catalog}>
      <AppLayout
        projectName={project.name}
        title="Steps"
        ready={steps !== null && secrets !== null}
        actions={
          <>
            <EnvironmentSelect environments={environments} value={environmentId} onChange={onEnvironmentChange} />
            <button
              ref={newStepRef}
              type="button"
              className="button button-primary"
              onClick={() => setDialog({ kind: "new-step" })}
            >
              New Step
            </button>
          </>
        }
      >
        {content}
        {dialog?.kind === "new-step" && (
          <NewStepDialog
            projectId={project.id}
            onClose={() => setDialog(null)}
            onCreated={(step) => {
              setDialog(null);
              setSteps((current) => [...(current ?? []), step]);
              setSelectedId(step.id);
            }}
          />
        )}
        {dialog?.kind === "delete-step" && (
          <DeleteStepDialog
            projectId={project.id}
            step={dialog.step}
            onClose={() => setDialog(null)}
            onDeleted={(step) => {
              setDialog(null);
              const rest = (steps ?? []).filter((each) => each.id !== step.id);
              setSteps(rest);
              setSelectedId(rest[0]?.id ?? null);
              newStepRef.current?.focus();
            }}
          />
        )}
        {dialog?.kind === "new-secret" && (
          <NewSecretDialog
            projectId={project.id}
            onClose={() => setDialog(null)}
            onCreated={(secret) => {
              const insert = dialog.onCreated;
              setDialog(null);
              void refreshSecrets().then((failed) => {
                if (failed) toasts.showError(`Could not refresh the secrets: ${failed.message}`);
              });
              insert(secret.name);
            }}
          />
        )}
      </AppLayout>
    </ReferenceCatalogContext.Provider>
  );
}
