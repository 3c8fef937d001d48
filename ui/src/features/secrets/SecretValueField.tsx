import { useId, useState, type KeyboardEvent, type Ref } from "react";

type SecretValueFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  placeholder?: string;
  hint?: string;
  inputRef?: Ref<HTMLTextAreaElement>;
};

/**
 * The Value textarea (monospace, several lines allowed), hidden as dots until "Show".
 * Ctrl/Cmd+Enter submits the surrounding form.
 */
export function SecretValueField({ value, onChange, error, placeholder, hint, inputRef }: SecretValueFieldProps) {
  const id = useId();
  const errorId = useId();
  const hintId = useId();
  const [shown, setShown] = useState(false);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          Value
        </label>
        <button
          type="button"
          className="link-button"
          aria-label="Show value"
          aria-pressed={shown}
          aria-controls={id}
          onClick={() => setShown(!shown)}
        >
          {shown ? "Hide" : "Show"}
        </button>
      </div>
      <textarea
        ref={inputRef}
        id={id}
        className={shown ? "textarea mono" : "textarea mono is-concealed"}
        rows={3}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
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
