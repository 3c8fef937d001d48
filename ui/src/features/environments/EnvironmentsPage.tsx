import { useEffect, useRef, useState } from "react";
import { EmptyState } from "../../components/EmptyState";
import { LoadStatus } from "../../components/LoadStatus";
import type { AppError, Environment, ProjectSummary, SecretRow } from "../../ipc/types";
import { useSecretList } from "../secrets/useSecretList";
import { AppLayout } from "../shell/AppLayout";
import { EnvironmentSelect } from "../shell/EnvironmentSelect";
import { useNavigation } from "../shell/navigation";
import { useToasts } from "../shell/toastContext";
import { CompareMatrix } from "./CompareMatrix";
import { DeleteEnvironmentDialog } from "./DeleteEnvironmentDialog";
import { EnvironmentList, type EnvironmentAction } from "./EnvironmentList";
import { EnvironmentNameDialog } from "./EnvironmentNameDialog";
import { environmentCounts } from "./environmentState";
import { OverrideSecretsDialog } from "./OverrideSecretsDialog";
import "./environments.css";

type OpenDialog =
  | { kind: "add" }
  | { kind: "rename"; environment: Environment }
  | { kind: "delete"; environment: Environment }
  | { kind: "overrides"; environment: Environment }
  | null;

type EnvironmentsPageProps = {
  project: ProjectSummary;
  environments: Environment[];
  environmentId: string;
  onEnvironmentChange: (environmentId: string) => void;
  /** Reloads the environments after one was added, renamed or deleted; resolves to its error. */
  onEnvironmentsChanged: () => Promise<AppError | null>;
};

/**
 * Agent Settings → Environments: the list (Development and Production first, then custom ones),
 * Add/Rename/Delete for custom environments, Override Secrets for each, and the
 * "Compare environments" matrix of what is set, defaulted or missing where.
 */
export function EnvironmentsPage({
  project,
  environments,
  environmentId,
  onEnvironmentChange,
  onEnvironmentsChanged,
}: EnvironmentsPageProps) {
  const { secrets, error, refresh, replace } = useSecretList(project.id);
  const { navigate } = useNavigation();
  const toasts = useToasts();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // The environment just deleted: once it is gone from the list, its row's focused Delete
  // button went with it, so focus lands on "Add environment".
  const deletedRef = useRef<string | null>(null);

  useEffect(() => {
    const deleted = deletedRef.current;
    if (deleted !== null && !environments.some((environment) => environment.id === deleted)) {
      deletedRef.current = null;
      addRef.current?.focus();
    }
  }, [environments]);

  function onAction(environment: Environment, action: EnvironmentAction) {
    if (action === "overrides") setDialog({ kind: "overrides", environment });
    else if (action === "rename") setDialog({ kind: "rename", environment });
    else setDialog({ kind: "delete", environment });
  }

  /** After an environment was added, renamed or deleted: reload it and the secrets' states. */
  async function afterEnvironmentsChanged() {
    setDialog(null);
    const failed = (await onEnvironmentsChanged()) ?? (await refresh());
    if (failed) toasts.showError(`Could not refresh the page: ${failed.message}`);
  }

  function afterOverridesSaved(rows: SecretRow[]) {
    setDialog(null);
    replace(rows);
  }

  let compare;
  if (secrets === null) {
    compare = <LoadStatus what="secrets" error={error} onRetry={() => void refresh()} />;
  } else if (secrets.length === 0) {
    compare = (
      <EmptyState actionLabel="Go to Secrets" onAction={() => navigate("secrets")} primary={false}>
        Once the project has secrets, this shows which of them have a value in each environment.
      </EmptyState>
    );
  } else {
    compare = <CompareMatrix environments={environments} secrets={secrets} />;
  }

  return (
    <AppLayout
      projectName={project.name}
      title="Environments"
      ready={secrets !== null || error !== null}
      actions={
        <>
          <EnvironmentSelect environments={environments} value={environmentId} onChange={onEnvironmentChange} />
          <button
            ref={addRef}
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: "add" })}
          >
            Add environment
          </button>
        </>
      }
    >
      <div className="environments-page">
        <section className="environments-section" aria-labelledby="environments-list-heading">
          <div className="section-heading-row">
            <h2 id="environments-list-heading" className="section-heading">
              Environments of {project.name}
            </h2>
            <p className="muted">
              Each environment uses a secret's default value unless it has its own (an override).
            </p>
          </div>
          <EnvironmentList environments={environments} secrets={secrets} onAction={onAction} />
        </section>
        <section className="environments-section" aria-labelledby="compare-heading">
          <div className="section-heading-row">
            <h2 id="compare-heading" className="section-heading">
              Compare environments
            </h2>
          </div>
          {compare}
        </section>
      </div>
      {dialog?.kind === "add" && (
        <EnvironmentNameDialog
          projectId={project.id}
          onClose={() => setDialog(null)}
          onDone={() => void afterEnvironmentsChanged()}
        />
      )}
      {dialog?.kind === "rename" && (
        <EnvironmentNameDialog
          projectId={project.id}
          environment={dialog.environment}
          onClose={() => setDialog(null)}
          onDone={() => void afterEnvironmentsChanged()}
        />
      )}
      {dialog?.kind === "delete" && (
        <DeleteEnvironmentDialog
          projectId={project.id}
          environment={dialog.environment}
          overrideCount={environmentCounts(secrets ?? [], dialog.environment.id).overrides}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            deletedRef.current = dialog.environment.id;
            void afterEnvironmentsChanged();
          }}
        />
      )}
      {dialog?.kind === "overrides" && (
        <OverrideSecretsDialog
          projectId={project.id}
          environment={dialog.environment}
          secrets={secrets ?? []}
          onClose={() => setDialog(null)}
          onSaved={afterOverridesSaved}
        />
      )}
    </AppLayout>
  );
}
