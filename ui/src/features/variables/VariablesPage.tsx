import { useCallback, useRef, useState } from "react";
import { EmptyState } from "../../components/EmptyState";
import { LoadStatus } from "../../components/LoadStatus";
import { TableHead } from "../../components/TableHead";
import { useLoad } from "../../components/useLoad";
import { variableList } from "../../ipc/commands";
import type { ProjectSummary, Variable } from "../../ipc/types";
import { AppLayout } from "../shell/AppLayout";
import { DeleteVariableDialog } from "./DeleteVariableDialog";
import { VariableDialog } from "./VariableDialog";
import "./variables.css";

type OpenDialog = { kind: "new" } | { kind: "edit"; variable: Variable } | { kind: "delete"; variable: Variable } | null;

const ROW_ACTIONS = [
  ["edit", "Edit"],
  ["delete", "Delete"],
] as const;

/** Agent Settings → Variables: the project's plain name/value pairs (a base URL, a tenant id). */
export function VariablesPage({ project }: { project: ProjectSummary }) {
  const {
    data: variables,
    error,
    reload,
    update: setVariables,
  } = useLoad(useCallback(() => variableList(project.id), [project.id]));
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const newRef = useRef<HTMLButtonElement>(null);

  function saved(variable: Variable) {
    setDialog(null);
    setVariables((current) => {
      const rest = (current ?? []).filter((each) => each.name !== variable.name);
      return [...rest, variable].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    });
  }

  let content;
  if (variables === null) {
    content = <LoadStatus what="variables" error={error} onRetry={() => void reload()} />;
  } else if (variables.length === 0) {
    content = (
      <EmptyState title="No variables yet" actionLabel="New Variable" onAction={() => setDialog({ kind: "new" })}>
        Variables hold plain values your steps share, like a base URL. Steps use them as{" "}
        <span className="mono">{"{NAME}"}</span>, like secrets.
      </EmptyState>
    );
  } else {
    content = (
      <div className="variables-page">
        <table className="data-table variables-table" data-testid="variables-table">
          <TableHead columns={["Name", "Value"]} actions />
          <tbody>
            {variables.map((variable) => (
              <tr key={variable.name} data-testid="variable-row" data-name={variable.name}>
                <td className="mono">{variable.name}</td>
                <td className="mono variables-value" title={variable.value}>
                  {variable.value}
                </td>
                <td className="variables-actions">
                  {ROW_ACTIONS.map(([kind, label]) => (
                    <button
                      key={kind}
                      type="button"
                      className="button button-quiet"
                      aria-label={`${label} ${variable.name}`}
                      onClick={() => setDialog({ kind, variable })}
                    >
                      {label}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <AppLayout
      projectName={project.name}
      title="Variables"
      ready={variables !== null}
      actions={
        <button ref={newRef} type="button" className="button button-primary" onClick={() => setDialog({ kind: "new" })}>
          New Variable
        </button>
      }
    >
      {content}
      {dialog?.kind === "new" && <VariableDialog projectId={project.id} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === "edit" && (
        <VariableDialog projectId={project.id} variable={dialog.variable} onClose={() => setDialog(null)} onSaved={saved} />
      )}
      {dialog?.kind === "delete" && (
        <DeleteVariableDialog
          projectId={project.id}
          variable={dialog.variable}
          onClose={() => setDialog(null)}
          onDeleted={(variable) => {
            setDialog(null);
            setVariables((current) => (current ?? []).filter((each) => each.name !== variable.name));
            newRef.current?.focus();
          }}
        />
      )}
    </AppLayout>
  );
}
