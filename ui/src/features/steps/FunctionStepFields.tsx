import { Field } from "../../components/forms/Field";
import type { StepDefinition } from "../../ipc/types";
import { ReferenceField } from "./ReferenceField";
import { RowsEditor } from "./RowsEditor";

export type FunctionStepDefinition = Extract<StepDefinition, { kind: "function" }>;

type FunctionStepFieldsProps = {
  definition: FunctionStepDefinition;
  onChange: (change: Partial<FunctionStepDefinition>) => void;
};

/** A Function step: its code and its named inputs. */
export function FunctionStepFields({ definition, onChange }: FunctionStepFieldsProps) {
  return (
    <>
      <Field label="Code">
        {({ id }) => (
          <ReferenceField
            id={id}
            multiline
            rows={10}
            value={definition.code}
            placeholder="Type { to insert a secret or variable"
            onChange={(code) => onChange({ code })}
          />
        )}
      </Field>
      <RowsEditor kind="inputs" rows={definition.inputs} onChange={(inputs) => onChange({ inputs })} />
    </>
  );
}
