import { useState } from "react";
import { FormDialog } from "../../components/forms/FormDialog";
import { NameField } from "../../components/forms/Field";
import { useSubmit } from "../../components/forms/useSubmit";
import { secretCreate } from "../../ipc/commands";
import { LIMITS } from "../../ipc/limits";
import type { SecretRow, Visibility } from "../../ipc/types";
import { secretNameErrors, secretNameProblem } from "./secretName";
import { SecretValueField } from "./SecretValueField";
import { VisibilityChoice } from "./VisibilityChoice";

type NewSecretDialogProps = {
  projectId: string;
  onClose: () => void;
  onCreated: (secret: SecretRow) => void;
};

/** The New Secret modal: Name, Value, Visibility → Create Secret. */
export function NewSecretDialog({ projectId, onClose, onCreated }: NewSecretDialogProps) {
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("masked");
  const [nameTouched, setNameTouched] = useState(false);
  const form = useSubmit({ fields: ["name", "value", "visibility"] });

  // Instant feedback from the mirrored rule once the user has typed; the back end's
  // message (kept in `form.errors.name`) wins until the name changes again.
  const nameError = form.errors.name ?? (nameTouched && name !== "" ? secretNameProblem(name) : null);

  const onSubmit = form.handle(
    async () => onCreated(await secretCreate(projectId, { name, value, visibility })),
    () => secretNameErrors(name),
  );

  return (
    <FormDialog title="New Secret" submitLabel="Create Secret" form={form} onSubmit={onSubmit} onClose={onClose}>
      <NameField
        form={form}
        mono
        value={name}
        placeholder="DB_PASSWORD"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={LIMITS.nameMaxBytes}
        error={nameError}
        onChange={(next) => {
          setName(next);
          setNameTouched(true);
        }}
      />
      <SecretValueField
        value={value}
        onChange={(next) => {
          setValue(next);
          form.clear("value");
        }}
        error={form.errors.value}
      />
      <VisibilityChoice value={visibility} onChange={setVisibility} error={form.errors.visibility} />
    </FormDialog>
  );
}
