import { useCallback, useMemo, useRef, useState } from "react";
import { LoadStatus } from "../../components/LoadStatus";
import { toAppError } from "../../ipc/appError";
import { secretCopy } from "../../ipc/commands";
import type { AppError, Environment, ProjectSummary, SecretRow } from "../../ipc/types";
import { AppLayout } from "../shell/AppLayout";
import { EnvironmentSelect } from "../shell/EnvironmentSelect";
import { usePageIntent } from "../shell/navigation";
import { useToasts } from "../shell/toastContext";
import { PendingValuesBanner } from "../projects/PendingValuesBanner";
import { DeleteSecretDialog } from "./DeleteSecretDialog";
import { EditSecretDialog } from "./EditSecretDialog";
import { NewSecretDialog } from "./NewSecretDialog";
import { NoMatches } from "./NoMatches";
import type { RowAction } from "./RowMenu";
import { needsValue, visibleSecrets, type SecretListQuery } from "./secretListView";
import { SecretsEmptyState } from "./SecretsEmptyState";
import { SecretsTable } from "./SecretsTable";
import { SecretsToolbar } from "./SecretsToolbar";
import { useNow } from "./useNow";
import { useSecretList } from "./useSecretList";
import { useSecretsShortcuts } from "./useSecretsShortcuts";
import "./secrets.css";

type OpenDialog = { kind: "new" } | { kind: "edit"; secret: SecretRow } | { kind: "delete"; secret: SecretRow } | null;

type SecretsPageProps = {
  project: ProjectSummary;
  environments: Environment[];
  environmentId: string;
  onEnvironmentChange: (environmentId: string) => void;
};

/** Agent Settings → Secrets: the table, its filters, and the New/Edit/Delete dialogs. */
export function SecretsPage({ project, environments, environmentId, onEnvironmentChange }: SecretsPageProps) {
  const { secrets, error, refresh } = useSecretList(project.id);
  const toasts = useToasts();
  const now = useNow();
  const [query, setQuery] = useState<SecretListQuery>({ search: "", sort: "name", needsValueOnly: false });
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const environmentNames = useMemo(
    () => new Map(environments.map((environment) => [environment.id, environment.name])),
    [environments],
  );
  const rows = useMemo(() => visibleSecrets(secrets ?? [], query), [secrets, query]);
  const needsValueCount = useMemo(() => (secrets ?? []).filter(needsValue).length, [secrets]);

  const openNewSecret = useCallback(() => setDialog({ kind: "new" }), []);

  useSecretsShortcuts({
    enabled: dialog === null && secrets !== null,
    onFocusSearch: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
  });

  // From the command palette and Ctrl/Cmd+N (features/commands).
  usePageIntent((intent) => {
    if (intent.kind === "new-secret") openNewSecret();
    else if (intent.kind === "find-secret") setQuery((current) => ({ ...current, search: intent.name, needsValueOnly: false }));
  });

  const showError = useCallback((appError: AppError) => toasts.showError(appError.message), [toasts]);

  const onRowAction = useCallback(
    (secret: SecretRow, action: RowAction) => {
      if (action === "edit") setDialog({ kind: "edit", secret });
      else if (action === "delete") setDialog({ kind: "delete", secret });
      else if (secret.visibility !== "restricted") {
        secretCopy(project.id, secret.id, environmentId).then(toasts.showCopied, (caught: unknown) =>
          toasts.showError(toAppError(caught).message),
        );
      }
    },
    [project.id, environmentId, toasts],
  );

  function closeDialog() {
    setDialog(null);
  }

  async function closeAndRefresh() {
    setDialog(null);
    const failed = await refresh();
    if (failed) toasts.showError(`Could not refresh the list: ${failed.message}`);
    // A deleted row took the focused ⋮ button with it; land somewhere useful.
    if (document.activeElement === document.body) searchRef.current?.focus();
  }

  const changeQuery = (change: Partial<SecretListQuery>) => setQuery((current) => ({ ...current, ...change }));
  const clearFilters = () => changeQuery({ search: "", needsValueOnly: false });

  let content;
  if (secrets === null) {
    content = <LoadStatus what="secrets" error={error} onRetry={() => void refresh()} />;
  } else if (secrets.length === 0) {
    content = <SecretsEmptyState onNewSecret={openNewSecret} />;
  } else {
    content = (
      <>
        <SecretsToolbar
          projectId={project.id}
          searchRef={searchRef}
          query={query}
          onQueryChange={changeQuery}
          needsValueCount={needsValueCount}
        />
        {rows.length === 0 ? (
          <NoMatches onClear={clearFilters} />
        ) : (
          <SecretsTable
            projectId={project.id}
            secrets={rows}
            environmentId={environmentId}
            environmentNames={environmentNames}
            now={now}
            onAction={onRowAction}
            onError={showError}
          />
        )}
      </>
    );
  }

  return (
    <AppLayout
      projectName={project.name}
      title="Secrets"
      ready={secrets !== null}
      actions={
        <>
          <EnvironmentSelect environments={environments} value={environmentId} onChange={onEnvironmentChange} />
          <button
            type="button"
            className="button button-primary"
            aria-keyshortcuts="Control+N Meta+N"
            onClick={openNewSecret}
          >
            New Secret
          </button>
        </>
      }
    >
      {secrets !== null && (
        <PendingValuesBanner projectId={project.id} secrets={secrets} onChanged={() => void refresh()} />
      )}
      {content}
      {dialog?.kind === "new" && (
        <NewSecretDialog projectId={project.id} onClose={closeDialog} onCreated={() => void closeAndRefresh()} />
      )}
      {dialog?.kind === "edit" && (
        <EditSecretDialog
          projectId={project.id}
          secret={dialog.secret}
          onClose={closeDialog}
          onSaved={() => void closeAndRefresh()}
        />
      )}
      {dialog?.kind === "delete" && (
        <DeleteSecretDialog
          projectId={project.id}
          secret={dialog.secret}
          onClose={closeDialog}
          onDeleted={() => void closeAndRefresh()}
        />
      )}
    </AppLayout>
  );
}
