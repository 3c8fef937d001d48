import type { SelectHTMLAttributes } from "react";

export type SelectOption<T extends string> = { value: T; label: string };

type SelectProps<T extends string> = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "children"> & {
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
};

/** A native select over a fixed list of options. */
export function Select<T extends string>({ value, options, onChange, className = "select", ...selectProps }: SelectProps<T>) {
  return (
    <select {...selectProps} className={className} value={value} onChange={(event) => onChange(event.target.value as T)}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
