import { useState } from "react";
import { NameField } from "../../components/forms/Field";
import { FormDialog } from "../../components/forms/FormDialog";
import { useSubmit } from "../../components/forms/useSubmit";
import { environmentCreate, environmentRename } from "../../ipc/commands";
import { LIMITS } from "../../ipc/limits";
import type { Environment } from "../../ipc/types";

type EnvironmentNameDialogProps = {
  projectId: string;
  /** The environment to rename; a new one is added when absent. */
  environment?: Environment;
  onClose: () => void;
  onDone: (environment: Environment) => void;
};

/** "Add environment" (Name → Add environment) or "Rename NAME" (Name → Rename). */
export function EnvironmentNameDialog({ projectId, environment, onClose, onDone }: EnvironmentNameDialogProps) {
  const [name, setName] = useState(environment?.name ?? "");
  const form = useSubmit({ fields: ["name"] });
  const renaming = environment !== undefined;

  const onSubmit = form.handle(
    async () =>
      onDone(
        renaming ? await environmentRename(projectId, environment.id, name) : await environmentCreate(projectId, name),
      ),
    () => (name.trim() === "" ? { name: "An environment needs a name" } : null),
  );

  return (
    <FormDialog
      title={renaming ? `Rename ${environment.name}` : "Add environment"}
      onClose={onClose}
      onSubmit={onSubmit}
      form={form}
      submitLabel={renaming ? "Rename" : "Add environment"}
    >
      <NameField
        form={form}
        value={name}
        placeholder="Staging"
        spellCheck={false}
        maxLength={LIMITS.labelMaxChars}
        // The error takes the hint's place.
        hint={
          form.errors.name
            ? undefined
            : renaming
              ? "Its overrides stay as they are."
              : "Secrets use their default value here until you override them."
        }
        onChange={(next) => {
          setName(next);
          form.clear();
        }}
      />
    </FormDialog>
  );
}
