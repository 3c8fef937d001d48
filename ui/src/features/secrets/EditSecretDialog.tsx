import { useRef, useState, type FormEvent } from "react";
import { FormDialog } from "../../components/forms/FormDialog";
import { useSubmit } from "../../components/forms/useSubmit";
import { secretUpdate } from "../../ipc/commands";
import type { SecretRow, SecretUpdate, Visibility } from "../../ipc/types";
import { SecretValueField } from "./SecretValueField";
import { VisibilityChoice } from "./VisibilityChoice";

export const KEEP_VALUE_PLACEHOLDER = "Leave empty to keep the current value";
export const UNRESTRICT_NOTE =
  "To make this secret Masked, enter a new value. The current Restricted value is replaced, never shown.";

type EditSecretDialogProps = {
  projectId: string;
  secret: SecretRow;
  onClose: () => void;
  onSaved: (secret: SecretRow) => void;
};

/**
 * The Edit modal: a new value (never pre-filled; empty keeps the current one) and the
 * visibility. Restricted → Masked needs a new value, so the old one is never revealed.
 */
export function EditSecretDialog({ projectId, secret, onClose, onSaved }: EditSecretDialogProps) {
  const [value, setValue] = useState("");
  const [visibility, setVisibility] = useState<Visibility>(secret.visibility);
  const form = useSubmit({ fields: ["value", "visibility"] });
  const valueRef = useRef<HTMLTextAreaElement>(null);

  const unrestricting = secret.visibility === "restricted" && visibility === "masked";
  const needsValue = unrestricting && value === "";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy || needsValue) return;
    const update: SecretUpdate = {
      value: value === "" ? null : value,
      visibility: visibility === secret.visibility ? null : visibility,
    };
    if (update.value === null && update.visibility === null) {
      onClose();
      return;
    }
    void form.run(async () => onSaved(await secretUpdate(projectId, secret.id, update)));
  }

  return (
    <FormDialog
      title={`Edit ${secret.name}`}
      onClose={onClose}
      initialFocusRef={valueRef}
      onSubmit={onSubmit}
      form={form}
      submitLabel="Save"
      submitDisabled={needsValue}
    >
      <SecretValueField
        inputRef={valueRef}
        value={value}
        placeholder={KEEP_VALUE_PLACEHOLDER}
        hint={
          secret.visibility === "restricted"
            ? "Restricted values can only be replaced, never shown."
            : "The current value is not shown here; type a new one to replace it."
        }
        onChange={(next) => {
          setValue(next);
          form.clear("value");
        }}
        error={form.errors.value}
      />
      <VisibilityChoice value={visibility} onChange={setVisibility} error={form.errors.visibility} />
      {unrestricting && (
        <p className="note" role="note">
          {UNRESTRICT_NOTE}
        </p>
      )}
      {secret.visibility === "masked" && visibility === "restricted" && (
        <p className="note" role="note">
          Once Restricted, this value can never be revealed or copied again; it is only used when steps run.
        </p>
      )}
    </FormDialog>
  );
}
