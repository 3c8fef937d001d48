import { useId, useState } from "react";
import type { Environment, SecretRow } from "../../ipc/types";
import { environmentCounts, valueState, type EnvironmentValueState } from "./environmentState";

const CELL_LABEL: Record<EnvironmentValueState, string> = {
  set: "Set",
  default: "Default",
  missing: "Missing",
};

function cellTitle(state: EnvironmentValueState, environment: string): string {
  switch (state) {
    case "set":
      return `${environment} has its own value (an override)`;
    case "default":
      return `${environment} uses the default value`;
    default:
      return `No value in ${environment}: no override and no default`;
  }
}

type CompareMatrixProps = {
  environments: Environment[];
  secrets: SecretRow[];
};

/**
 * Secrets × environments: whether each secret has its own value there ("Set"), falls back to
 * the default ("Default") or has nothing ("Missing", in the danger colour). Never values.
 */
export function CompareMatrix({ environments, secrets }: CompareMatrixProps) {
  const [missingOnly, setMissingOnly] = useState(false);
  const filterId = useId();
  const rows = missingOnly ? secrets.filter((secret) => secret.missingIn.length > 0) : secrets;
  const incomplete = secrets.filter((secret) => secret.missingIn.length > 0).length;

  return (
    <div className="matrix">
      <div className="matrix-toolbar">
        <p className="matrix-legend muted">
          <span className="matrix-cell matrix-set">Set</span> its own value ·{" "}
          <span className="matrix-cell matrix-default">Default</span> uses the default ·{" "}
          <span className="matrix-cell matrix-missing">Missing</span> no value
        </p>
        <label htmlFor={filterId} className="matrix-filter">
          <input
            id={filterId}
            type="checkbox"
            checked={missingOnly}
            onChange={(event) => setMissingOnly(event.target.checked)}
          />
          Only secrets with a missing value ({incomplete})
        </label>
      </div>
      <div className="matrix-scroll">
        <table className="data-table matrix-table" data-testid="environment-matrix">
          <thead>
            <tr>
              <th scope="col" className="matrix-secret-header">
                Secret
              </th>
              {environments.map((environment) => {
                const { missing } = environmentCounts(secrets, environment.id);
                return (
                  <th scope="col" key={environment.id} data-environment={environment.name}>
                    <span className="matrix-environment-name">{environment.name}</span>
                    <span className={missing > 0 ? "matrix-summary text-danger" : "matrix-summary muted"}>
                      {missing > 0 ? `${missing} missing` : "Complete"}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((secret) => (
              <tr key={secret.id} data-testid="matrix-row" data-name={secret.name}>
                <th scope="row" className="matrix-secret mono" title={secret.name}>
                  {secret.name}
                </th>
                {environments.map((environment) => {
                  const state = valueState(secret, environment.id);
                  return (
                    <td key={environment.id} data-testid="matrix-cell" data-environment={environment.name}>
                      <span className={`matrix-cell matrix-${state}`} title={cellTitle(state, environment.name)}>
                        {CELL_LABEL[state]}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={environments.length + 1} className="matrix-empty muted">
                  Every secret has a value in every environment.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
