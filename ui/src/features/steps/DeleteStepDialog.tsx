import { ConfirmDeleteDialog } from "../../components/ConfirmDeleteDialog";
import { stepDelete } from "../../ipc/commands";
import type { Step } from "../../ipc/types";

type DeleteStepDialogProps = {
  projectId: string;
  step: Step;
  onClose: () => void;
  onDeleted: (step: Step) => void;
};

/** "Delete step NAME?" with Cancel focused first. */
export function DeleteStepDialog({ projectId, step, onClose, onDeleted }: DeleteStepDialogProps) {
  return (
    <ConfirmDeleteDialog
      title={`Delete step ${step.name}?`}
      description={
        <>
          The step “{step.name}” and everything written in it will be removed. The secrets and variables it uses stay.
          This cannot be undone.
        </>
      }
      onConfirm={async () => {
        await stepDelete(projectId, step.id);
        onDeleted(step);
      }}
      onClose={onClose}
    />
  );
}
