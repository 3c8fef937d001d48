import { useId, type ReactNode } from "react";

type CheckboxProps = {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Added to the row's `checkbox-row` class. */
  className?: string;
};

/** A checkbox with its label beside it (shared.css `.checkbox-row`). */
export function Checkbox({ label, checked, onChange, disabled, className }: CheckboxProps) {
  const id = useId();
  return (
    <div className={className ? `checkbox-row ${className}` : "checkbox-row"}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
