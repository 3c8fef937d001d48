import { ChoiceGroup } from "../../components/forms/ChoiceGroup";
import { LockIcon } from "../../components/LockIcon";
import type { Visibility } from "../../ipc/types";

type VisibilityChoiceProps = {
  value: Visibility;
  onChange: (visibility: Visibility) => void;
  error?: string | null;
};

const OPTIONS: { value: Visibility; label: string; description: string }[] = [
  { value: "masked", label: "Masked", description: "Hidden until you reveal it; can be copied" },
  { value: "restricted", label: "Restricted", description: "Never shown or copied again; only used when steps run" },
];

/** The Visibility radio pair. */
export function VisibilityChoice({ value, onChange, error }: VisibilityChoiceProps) {
  return (
    <ChoiceGroup
      legend="Visibility"
      classPrefix="visibility"
      error={error}
      options={OPTIONS}
      value={value}
      onChange={onChange}
      renderOption={(option, { inputId, descriptionId }) => (
        <div className="visibility-option-text">
          <label htmlFor={inputId} className="visibility-option-label">
            {option.value === "restricted" && <LockIcon />}
            {option.label}
          </label>
          <p id={descriptionId} className="field-hint">
            {option.description}
          </p>
        </div>
      )}
    />
  );
}
