import { useId } from "react";
import type { Environment } from "../../ipc/types";

type EnvironmentSelectProps = {
  environments: Environment[];
  value: string;
  onChange: (environmentId: string) => void;
};

/** Which environment's values reveal and copy use. */
export function EnvironmentSelect({ environments, value, onChange }: EnvironmentSelectProps) {
  const id = useId();
  return (
    <div className="environment-select">
      <label htmlFor={id} className="environment-select-label">
        Environment
      </label>
      <select
        id={id}
        className="select"
        data-testid="environment-select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {environments.map((environment) => (
          <option key={environment.id} value={environment.id}>
            {environment.name}
          </option>
        ))}
      </select>
    </div>
  );
}
