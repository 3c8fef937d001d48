import { ConfirmDeleteDialog } from "../../components/ConfirmDeleteDialog";
import { environmentDelete } from "../../ipc/commands";
import type { Environment } from "../../ipc/types";
import { plural } from "./environmentState";

type DeleteEnvironmentDialogProps = {
  projectId: string;
  environment: Environment;
  /** How many secrets have an override in it (they lose that override). */
  overrideCount: number;
  onClose: () => void;
  onDeleted: () => void;
};

/** "Delete environment NAME?" — says what goes with it, with Cancel focused first. */
export function DeleteEnvironmentDialog({
  projectId,
  environment,
  overrideCount,
  onClose,
  onDeleted,
}: DeleteEnvironmentDialogProps) {
  return (
    <ConfirmDeleteDialog
      title={`Delete environment ${environment.name}?`}
      description={
        <>
          {overrideCount > 0
            ? `Its ${plural(overrideCount, "override")} will be deleted with it. `
            : "It has no overrides. "}
          Secrets keep their default values and their values in other environments. This cannot be undone.
        </>
      }
      onConfirm={async () => {
        await environmentDelete(projectId, environment.id);
        onDeleted();
      }}
      onClose={onClose}
    />
  );
}
