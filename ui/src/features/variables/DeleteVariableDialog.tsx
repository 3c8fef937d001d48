import { ConfirmDeleteDialog } from "../../components/ConfirmDeleteDialog";
import { variableDelete } from "../../ipc/commands";
import type { Variable } from "../../ipc/types";

type DeleteVariableDialogProps = {
  projectId: string;
  variable: Variable;
  onClose: () => void;
  onDeleted: (variable: Variable) => void;
};

/** "Delete variable NAME?" with Cancel focused first. */
export function DeleteVariableDialog({ projectId, variable, onClose, onDeleted }: DeleteVariableDialogProps) {
  return (
    <ConfirmDeleteDialog
      title={`Delete variable ${variable.name}?`}
      description={
        <>
          Steps that use <span className="mono">{`{${variable.name}}`}</span> will fail until a secret or variable of
          that name exists again.
        </>
      }
      onConfirm={async () => {
        await variableDelete(projectId, variable.name);
        onDeleted(variable);
      }}
      onClose={onClose}
      describe={false}
      clearErrorOnRetry={false}
    />
  );
}
