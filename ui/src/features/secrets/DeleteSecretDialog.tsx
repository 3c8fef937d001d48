import { ConfirmDeleteDialog } from "../../components/ConfirmDeleteDialog";
import { secretDelete } from "../../ipc/commands";
import type { SecretRow } from "../../ipc/types";

type DeleteSecretDialogProps = {
  projectId: string;
  secret: SecretRow;
  onClose: () => void;
  onDeleted: (secret: SecretRow) => void;
};

/** "Delete secret NAME?" — says what goes, with Cancel focused first. */
export function DeleteSecretDialog({ projectId, secret, onClose, onDeleted }: DeleteSecretDialogProps) {
  return (
    <ConfirmDeleteDialog
      title={`Delete secret ${secret.name}?`}
      description={
        <>
          <span className="mono">{secret.name}</span> will be removed from every environment, together with its
          overrides. Steps that use <span className="mono">{`{${secret.name}}`}</span> will fail until you create it
          again. This cannot be undone.
        </>
      }
      onConfirm={async () => {
        await secretDelete(projectId, secret.id);
        onDeleted(secret);
      }}
      onClose={onClose}
    />
  );
}
