import { useId, type ReactNode } from "react";

type ChoiceGroupProps<T extends string, O extends { value: T }> = {
  legend: string;
  /** Names the classes: `PREFIX-choice` on the fieldset, `PREFIX-option` on each option. */
  classPrefix: string;
  options: readonly O[];
  value: T;
  onChange: (value: T) => void;
  error?: string | null;
  /** What follows an option's radio: its label (for `inputId`) and its description (`descriptionId`). */
  renderOption: (option: O, ids: { inputId: string; descriptionId: string }) => ReactNode;
};

/** A set of radios under a legend, each described by its own text; the error below them. */
export function ChoiceGroup<T extends string, O extends { value: T }>({
  legend,
  classPrefix,
  options,
  value,
  onChange,
  error,
  renderOption,
}: ChoiceGroupProps<T, O>) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset className={`field ${classPrefix}-choice`} aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">{legend}</legend>
      {options.map((option) => {
        const inputId = `${name}-${option.value}`;
        const descriptionId = `${inputId}-description`;
        return (
          <div key={option.value} className={`${classPrefix}-option`}>
            <input
              id={inputId}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              aria-describedby={descriptionId}
              onChange={() => onChange(option.value)}
            />
            {renderOption(option, { inputId, descriptionId })}
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
