import { ConfirmDeleteDialog } from "../../components/ConfirmDeleteDialog";
import { projectDelete } from "../../ipc/projectCommands";
import type { ProjectSummary } from "../../ipc/types";

type DeleteProjectDialogProps = {
  project: ProjectSummary;
  onClose: () => void;
  onDeleted: () => void;
};

/** "Delete project NAME?" — says what goes, with Cancel focused first. */
export function DeleteProjectDialog({ project, onClose, onDeleted }: DeleteProjectDialogProps) {
  const count = project.secretCount === 1 ? "its secret" : `its ${project.secretCount} secrets`;
  return (
    <ConfirmDeleteDialog
      title={`Delete project ${project.name}?`}
      description={
        <>
          {project.name} will be deleted with {count}, environments, overrides, steps and variables. This cannot be
          undone; export it first if you may need its names again.
        </>
      }
      onConfirm={async () => {
        await projectDelete(project.id);
        onDeleted();
      }}
      onClose={onClose}
      clearErrorOnRetry={false}
    />
  );
}
