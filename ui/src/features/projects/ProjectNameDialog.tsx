import { useState } from "react";
import { NameField } from "../../components/forms/Field";
import { FormDialog } from "../../components/forms/FormDialog";
import { useSubmit } from "../../components/forms/useSubmit";
import { LIMITS } from "../../ipc/limits";
import type { ProjectSummary } from "../../ipc/types";

type ProjectNameDialogProps = {
  title: string;
  submitLabel: string;
  initialName?: string;
  onSubmit: (name: string) => Promise<ProjectSummary>;
  onClose: () => void;
  onDone: (project: ProjectSummary) => void;
};

/** New project / Rename project: one Name field; the back end checks the name. */
export function ProjectNameDialog({ title, submitLabel, initialName = "", onSubmit, onClose, onDone }: ProjectNameDialogProps) {
  const [name, setName] = useState(initialName);
  // Every error is about the one field, so it is shown under it.
  const form = useSubmit({ fields: ["name"], otherErrorsUnder: "name" });
  const submit = form.handle(async () => onDone(await onSubmit(name)));

  return (
    <FormDialog title={title} submitLabel={submitLabel} form={form} onSubmit={submit} onClose={onClose}>
      <NameField form={form} value={name} onChange={setName} maxLength={LIMITS.labelMaxChars} placeholder="Support Agent" />
    </FormDialog>
  );
}
