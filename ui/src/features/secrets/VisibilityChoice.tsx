import { useId } from "react";
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
  const name = useId();
  const errorId = useId();
  return (
    <fieldset className="field visibility-choice" aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">Visibility</legend>
      {OPTIONS.map((option) => {
        const inputId = `${name}-${option.value}`;
        const descriptionId = `${inputId}-description`;
        return (
          <div key={option.value} className="visibility-option">
            <input
              id={inputId}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              aria-describedby={descriptionId}
              onChange={() => onChange(option.value)}
            />
            <div className="visibility-option-text">
              <label htmlFor={inputId} className="visibility-option-label">
                {option.value === "restricted" && <LockIcon />}
                {option.label}
              </label>
              <p id={descriptionId} className="field-hint">
                {option.description}
              </p>
            </div>
          </div>
        );
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
