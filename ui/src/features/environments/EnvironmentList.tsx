import { TableHead } from "../../components/TableHead";
import type { Environment, SecretRow } from "../../ipc/types";
import { environmentCounts, environmentDescription, plural } from "./environmentState";

export type EnvironmentAction = "overrides" | "rename" | "delete";

type EnvironmentListProps = {
  environments: Environment[];
  /** null while the secrets load: the counts are not shown yet. */
  secrets: SecretRow[] | null;
  onAction: (environment: Environment, action: EnvironmentAction) => void;
};

/**
 * The project's environments, the built-ins first (as the back end orders them): what each is
 * for, how many overrides it has and how many secrets have no value there, and its actions.
 */
export function EnvironmentList({ environments, secrets, onAction }: EnvironmentListProps) {
  return (
    <table className="data-table environments-table" data-testid="environments-table">
      <colgroup>
        <col />
        <col className="col-env-count" />
        <col className="col-env-count" />
        <col className="col-env-actions" />
      </colgroup>
      <TableHead columns={["Environment", "Overrides", "Missing values"]} actions />
      <tbody>
        {environments.map((environment) => (
          <EnvironmentRow key={environment.id} environment={environment} secrets={secrets} onAction={onAction} />
        ))}
      </tbody>
    </table>
  );
}

/** What only custom environments offer: the built-ins keep their names and cannot be deleted. */
const CUSTOM_ACTIONS: readonly { action: EnvironmentAction; label: string; className: string }[] = [
  { action: "rename", label: "Rename", className: "button button-quiet" },
  { action: "delete", label: "Delete", className: "button button-quiet button-quiet-danger" },
];

type EnvironmentRowProps = {
  environment: Environment;
  secrets: SecretRow[] | null;
  onAction: (environment: Environment, action: EnvironmentAction) => void;
};

function EnvironmentRow({ environment, secrets, onAction }: EnvironmentRowProps) {
  const nameId = `environment-name-${environment.id}`;
  const builtin = environment.kind !== "custom";
  const counts = secrets ? environmentCounts(secrets, environment.id) : null;

  return (
    <tr className="environment-row" data-testid="environment-row" data-name={environment.name}>
      <td>
        <div className="environment-name-line">
          <span id={nameId} className="environment-name" title={environment.name}>
            {environment.name}
          </span>
          {builtin && <span className="pill">Built in</span>}
        </div>
        <p className="environment-description muted">{environmentDescription(environment)}</p>
      </td>
      <td className="muted">{counts ? (counts.overrides === 0 ? "None" : plural(counts.overrides, "override")) : "…"}</td>
      <td>
        {counts === null ? (
          <span className="muted">…</span>
        ) : counts.missing > 0 ? (
          <span className="missing-count">{plural(counts.missing, "secret")} missing</span>
        ) : (
          <span className="muted">None</span>
        )}
      </td>
      <td className="environment-actions">
        <button
          type="button"
          className="button"
          aria-describedby={nameId}
          disabled={secrets === null}
          onClick={() => onAction(environment, "overrides")}
        >
          Override Secrets
        </button>
        {!builtin &&
          CUSTOM_ACTIONS.map(({ action, label, className }) => (
            <button
              key={action}
              type="button"
              className={className}
              aria-describedby={nameId}
              onClick={() => onAction(environment, action)}
            >
              {label}
            </button>
          ))}
      </td>
    </tr>
  );
}
