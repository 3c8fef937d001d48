import { useEffect, useRef, useState } from "react";
import { toAppError } from "../../ipc/appError";
import { variableList } from "../../ipc/commands";
import type { AppError, ProjectSummary, Variable } from "../../ipc/types";
import { AppLayout } from "../shell/AppLayout";
import { DeleteVariableDialog } from "./DeleteVariableDialog";
import { VariableDialog } from "./VariableDialog";
import "./variables.css";

type OpenDialog = { kind: "new" } | { kind: "edit"; variable: Variable } | { kind: "delete"; variable: Variable } | null;

/** Agent Settings → Variables: the project's plain name/value pairs (a base URL, a tenant id). */
export function VariablesPage({ project }: { project: ProjectSummary }) {
  const [variables, setVariables] = useState<Variable[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [attempt, setAttempt] = useState(0);
  const newRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    variableList(project.id).then(
      (rows) => {
        if (!current) return;
        setVariables(rows);
        setError(null);
      },
      (caught: unknown) => {
        if (current) setError(toAppError(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [project.id, attempt]);

  function saved(variable: Variable) {
    setDialog(null);
    setVariables((current) => {
      const rest = (current ?? []).filter((each) => each.name !== variable.name);
      return [...rest, variable].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    });
  }

  let content;
  if (variables === null) {
    content = error ? (
      <div className="empty-state" role="alert">
        <p className="empty-state-text">Could not load variables: {error.message}</p>
        <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
          Try again
        </button>
      </div>
    ) : (
      <p className="page-status muted">Loading variables…</p>
    );
  } else if (variables.length === 0) {
    content = (
      <div className="empty-state">
        <p className="empty-state-title">No variables yet</p>
        <p className="empty-state-text">
          Variables hold plain values your steps share, like a base URL. Steps use them as{" "}
          <span className="mono">{"{NAME}"}</span>, like secrets.
        </p>
        <button type="button" className="button button-primary" onClick={() => setDialog({ kind: "new" })}>
          New Variable
        </button>
      </div>
    );
  } else {
    content = (
      <div className="variables-page">
        <table className="variables-table" data-testid="variables-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {variables.map((variable) => (
              <tr key={variable.name} data-testid="variable-row" data-name={variable.name}>
                <td className="mono">{variable.name}</td>
                <td className="mono variables-value" title={variable.value}>
                  {variable.value}
                </td>
                <td className="variables-actions">
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Edit ${variable.name}`}
                    onClick={() => setDialog({ kind: "edit", variable })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Delete ${variable.name}`}
                    onClick={() => setDialog({ kind: "delete", variable })}
                  >
                    Delete
                  </button>
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
