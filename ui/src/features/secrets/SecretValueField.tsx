import { useId, useState, type KeyboardEvent, type Ref } from "react";
import { Field } from "../../components/forms/Field";

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
  const [shown, setShown] = useState(false);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <Field
      label="Value"
      id={id}
      error={error}
      hint={hint}
      labelAside={
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
      }
    >
      {(control) => (
        <textarea
          ref={inputRef}
          {...control}
          className={shown ? "textarea mono" : "textarea mono is-concealed"}
          rows={3}
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
      )}
    </Field>
  );
}
