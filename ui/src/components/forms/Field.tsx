import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import type { Submit } from "./useSubmit";

/** What a field hands its control: the label's target and the hint/error wiring. */
export type FieldControl = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

type FieldProps = {
  label: ReactNode;
  /** Shown in red under the control, which is then marked invalid. */
  error?: string | null;
  hint?: ReactNode;
  /** Beside the label, e.g. a Show button. */
  labelAside?: ReactNode;
  /** The control's id, when something outside needs it; one is made otherwise. */
  id?: string;
  className?: string;
  children: (control: FieldControl) => ReactNode;
};

/** A label above its control, then the hint and the error that describe it. */
export function Field({ label, error, hint, labelAside, id, className, children }: FieldProps) {
  const madeId = useId();
  const controlId = id ?? madeId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const labelElement = (
    <label htmlFor={controlId} className="field-label">
      {label}
    </label>
  );
  return (
    <div className={className ? `field ${className}` : "field"}>
      {labelAside ? (
        <div className="field-label-row">
          {labelElement}
          {labelAside}
        </div>
      ) : (
        labelElement
      )}
      {children({ id: controlId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "className"> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: ReactNode;
  /** Names and keys are set in the monospace face. */
  mono?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  fieldClassName?: string;
};

/** A one-line text input in a Field; browser autocomplete is off. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  mono = false,
  inputRef,
  fieldClassName,
  ...inputProps
}: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={fieldClassName}>
      {(control) => (
        <input
          ref={inputRef}
          className={mono ? "input mono" : "input"}
          autoComplete="off"
          {...inputProps}
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

type NameFieldProps = Omit<TextFieldProps, "label" | "error" | "inputRef" | "form"> & {
  form: Pick<Submit, "errors" | "clear" | "fieldRef">;
  /** Instead of the form's `name` error, e.g. a check made while typing. */
  error?: string | null;
};

/** A form's Name input: it shows the form's `name` error (and takes the focus with it), dropped as the name changes. */
export function NameField({ form, error, onChange, ...props }: NameFieldProps) {
  return (
    <TextField
      label="Name"
      inputRef={form.fieldRef("name")}
      error={error === undefined ? form.errors.name : error}
      onChange={(next) => {
        onChange(next);
        form.clear("name");
      }}
      {...props}
    />
  );
}
