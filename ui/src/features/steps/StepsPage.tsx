import { useCallback, useMemo, useRef, useState } from "react";
import { EmptyState } from "../../components/EmptyState";
import { LoadStatus } from "../../components/LoadStatus";
import { useLoad } from "../../components/useLoad";
import { stepList, variableList } from "../../ipc/commands";
import type { AppError, Environment, ProjectSummary, Step, Variable } from "../../ipc/types";
import { NewSecretDialog } from "../secrets/NewSecretDialog";
import { useSecretList } from "../secrets/useSecretList";
import { AppLayout } from "../shell/AppLayout";
import { EnvironmentSelect } from "../shell/EnvironmentSelect";
import { usePageIntent } from "../shell/navigation";
import { useLeaveGuard } from "../shell/unsavedChanges";
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

type StepsData = { steps: Step[]; variables: Variable[] };

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
  const load = useCallback(
    async (): Promise<StepsData> => {
      const [steps, variables] = await Promise.all([stepList(project.id), variableList(project.id)]);
      return { steps, variables };
    },
    [project.id],
  );
  const { data, error, reload, update } = useLoad(load);
  const steps = data?.steps ?? null;
  const variables = data?.variables;
  // The step the user chose; the first one until then, or once it is gone.
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const newStepRef = useRef<HTMLButtonElement>(null);

  const setSteps = useCallback(
    (change: (steps: Step[]) => Step[]) => update((current) => current && { ...current, steps: change(current.steps) }),
    [update],
  );

  const showError = useCallback((appError: AppError) => toasts.showError(appError.message), [toasts]);

  const catalog = useMemo<ReferenceCatalog>(
    () => ({
      variables: variables ?? [],
      secrets: secrets ?? [],
      createSecret: (onCreated) => setDialog({ kind: "new-secret", onCreated }),
    }),
    [variables, secrets],
  );

  const selected = steps?.find((step) => step.id === chosenId) ?? steps?.[0] ?? null;
  const selectedId = selected?.id ?? null;
  const environment = environments.find((each) => each.id === environmentId);

  const guard = useLeaveGuard();
  /** Opens another step in the editor, asking first when the open one has unsaved edits. */
  function openStep(stepId: string) {
    if (stepId !== selectedId) guard("step", () => setChosenId(stepId));
  }

  usePageIntent((intent) => {
    if (intent.kind === "new-step") setDialog({ kind: "new-step" });
    else if (intent.kind === "open-step") openStep(intent.stepId);
  });

  function onSaved(step: Step) {
    setSteps((current) => current.map((each) => (each.id === step.id ? step : each)));
  }

  let content;
  if (steps === null) {
    content = <LoadStatus what="steps" error={error} onRetry={() => void reload()} />;
  } else if (steps.length === 0) {
    content = (
      <EmptyState title="No steps yet" actionLabel="New Step" onAction={() => setDialog({ kind: "new-step" })}>
        Steps are the Function and API calls of your agent. Their fields refer to secrets and variables by name — type{" "}
        <span className="mono">{"{"}</span> to insert one — so values never have to be pasted into them.
      </EmptyState>
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
                  onClick={() => openStep(step.id)}
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
              setSteps((current) => [...current, step]);
              openStep(step.id);
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
              setSteps((current) => current.filter((each) => each.id !== step.id));
              setChosenId(null);
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
