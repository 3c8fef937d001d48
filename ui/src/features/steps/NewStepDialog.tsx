import { useState } from "react";
import { ChoiceGroup } from "../../components/forms/ChoiceGroup";
import { FormDialog } from "../../components/forms/FormDialog";
import { NameField } from "../../components/forms/Field";
import { useSubmit } from "../../components/forms/useSubmit";
import { stepCreate } from "../../ipc/commands";
import { LIMITS } from "../../ipc/limits";
import type { Step, StepKind } from "../../ipc/types";

type NewStepDialogProps = {
  projectId: string;
  onClose: () => void;
  onCreated: (step: Step) => void;
};

const KINDS: { value: StepKind; label: string; description: string }[] = [
  { value: "function", label: "Function", description: "Code with named inputs" },
  { value: "api", label: "API", description: "An HTTP request: method, URL, headers, query, body" },
];

/** New Step: a Name and the kind, Function or API. */
export function NewStepDialog({ projectId, onClose, onCreated }: NewStepDialogProps) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<StepKind>("api");
  const form = useSubmit({ fields: ["name"] });

  const onSubmit = form.handle(
    async () => onCreated(await stepCreate(projectId, name, kind)),
    () => (name.trim() ? null : { name: "A step name is required" }),
  );

  return (
    <FormDialog title="New Step" submitLabel="Create Step" form={form} onSubmit={onSubmit} onClose={onClose}>
      <NameField
        form={form}
        value={name}
        onChange={setName}
        maxLength={LIMITS.labelMaxChars}
        placeholder="Fetch order status"
      />
      <ChoiceGroup
        legend="Kind"
        classPrefix="step-kind"
        options={KINDS}
        value={kind}
        onChange={setKind}
        renderOption={(option, { inputId, descriptionId }) => (
          <>
            <label htmlFor={inputId} className="step-kind-label">
              {option.label}
            </label>
            <span id={descriptionId} className="field-hint">
              {option.description}
            </span>
          </>
        )}
      />
    </FormDialog>
  );
}
