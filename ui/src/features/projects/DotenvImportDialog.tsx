import { useRef, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { TableHead } from "../../components/TableHead";
import { DialogActions } from "../../components/DialogActions";
import { FormError } from "../../components/forms/FormError";
import { useSubmit } from "../../components/forms/useSubmit";
import { dotenvCancel, dotenvImport } from "../../ipc/projectCommands";
import type { DotenvImportReport, DotenvSelection, Visibility } from "../../ipc/types";
import { VisibilityChoice } from "../secrets/VisibilityChoice";

type DotenvImportDialogProps = {
  projectId: string;
  projectName: string;
  selection: DotenvSelection;
  onClose: () => void;
  onImported: (report: DotenvImportReport) => void;
};

/** The preview of a .env import: names (new or updated), invalid lines by number, visibility. */
export function DotenvImportDialog({ projectId, projectName, selection, onClose, onImported }: DotenvImportDialogProps) {
  const [visibility, setVisibility] = useState<Visibility>("masked");
  const form = useSubmit({ fields: [] });
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { entries, invalid } = selection.preview;
  const blocked = invalid.length > 0 || entries.length === 0;

  function cancel() {
    void dotenvCancel(selection.token).catch(() => undefined);
    onClose();
  }

  function confirm() {
    if (blocked) return;
    void form.run(async () => onImported(await dotenvImport(projectId, selection.token, visibility)));
  }

  return (
    <Dialog title="Import .env" onClose={cancel} initialFocusRef={cancelRef} className="dotenv-dialog">
      <div className="dialog-form" data-testid="dotenv-preview">
        <p>
          <span className="mono">{selection.fileName}</span> into <strong>{projectName}</strong>: each name becomes a
          secret with its value as the default. Values are taken literally (no <span className="mono">$VAR</span>{" "}
          expansion).
        </p>
        {invalid.length > 0 && (
          <div className="form-error" role="alert">
            <p>
              {invalid.length === 1 ? "1 line cannot be imported" : `${invalid.length} lines cannot be imported`};
              nothing will be imported until the file is fixed:
            </p>
            <ul className="dotenv-invalid" data-testid="dotenv-invalid">
              {invalid.map((line) => (
                <li key={line.line}>
                  Line {line.line}: {line.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {entries.length > 0 ? (
          <div className="dotenv-entries">
            <table className="dotenv-table">
              <TableHead columns={["Line", "Name", "Action"]} />
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.name} data-testid="dotenv-entry" data-name={entry.name}>
                    <td className="muted">{entry.line}</td>
                    <td className="mono">{entry.name}</td>
                    <td>
                      {entry.existing === null
                        ? "New"
                        : `Update (stays ${entry.existing === "restricted" ? "Restricted" : "Masked"})`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          invalid.length === 0 && <p className="muted">This file has no NAME=value lines.</p>
        )}
        <VisibilityChoice value={visibility} onChange={setVisibility} />
        <p className="field-hint">The visibility applies to new secrets; existing ones keep theirs.</p>
        <FormError message={form.errors.form} />
        <DialogActions
          onCancel={cancel}
          cancelRef={cancelRef}
          confirmLabel={entries.length === 1 ? "Import 1 secret" : `Import ${entries.length} secrets`}
          confirmDisabled={blocked || form.busy}
          onConfirm={confirm}
        />
      </div>
    </Dialog>
  );
}
