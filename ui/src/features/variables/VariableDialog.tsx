import { useRef, useState } from "react";
import { Field, NameField } from "../../components/forms/Field";
import { FormDialog } from "../../components/forms/FormDialog";
import { useSubmit } from "../../components/forms/useSubmit";
import { variableSet } from "../../ipc/commands";
import { LIMITS } from "../../ipc/limits";
import type { Variable } from "../../ipc/types";
import { secretNameErrors } from "../secrets/secretName";

type VariableDialogProps = {
  projectId: string;
  /** The variable to edit (its value); a new one when absent. */
  variable?: Variable;
  onClose: () => void;
  onSaved: (variable: Variable) => void;
};

/** New Variable (Name and Value) or Edit Variable (its Value). */
export function VariableDialog({ projectId, variable, onClose, onSaved }: VariableDialogProps) {
  const editing = variable !== undefined;
  const [name, setName] = useState(variable?.name ?? "");
  const [value, setValue] = useState(variable?.value ?? "");
  const valueRef = useRef<HTMLTextAreaElement>(null);
  const form = useSubmit({ fields: ["name", "value"] });

  const onSubmit = form.handle(
    async () => onSaved(await variableSet(projectId, name, value)),
    () => (editing ? null : secretNameErrors(name)),
  );

  return (
    <FormDialog
      title={editing ? `Edit variable ${variable.name}` : "New Variable"}
      onClose={onClose}
      initialFocusRef={editing ? valueRef : undefined}
      onSubmit={onSubmit}
      form={form}
      submitLabel="Save"
    >
      <NameField
        form={form}
        mono
        value={name}
        readOnly={editing}
        placeholder="BASE_URL"
        spellCheck={false}
        maxLength={LIMITS.nameMaxBytes}
        onChange={setName}
      />
      <Field
        label="Value"
        error={form.errors.value}
        hint="Variables are not secret: their values are shown in previews. Keep keys and passwords in Secrets."
      >
        {(control) => (
          <textarea
            ref={valueRef}
            {...control}
            className="textarea mono"
            value={value}
            rows={3}
            spellCheck={false}
            onChange={(event) => {
              setValue(event.target.value);
              form.clear("value");
            }}
          />
        )}
      </Field>
    </FormDialog>
  );
}
