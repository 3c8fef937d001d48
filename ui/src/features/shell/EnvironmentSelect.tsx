import { useId } from "react";
import { Select } from "../../components/forms/Select";
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
      <Select
        id={id}
        data-testid="environment-select"
        value={value}
        options={environments.map((environment) => ({ value: environment.id, label: environment.name }))}
        onChange={onChange}
      />
    </div>
  );
}
