import { useRef, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { toAppError } from "../../ipc/appError";
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
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { entries, invalid } = selection.preview;
  const blocked = invalid.length > 0 || entries.length === 0;

  function cancel() {
    void dotenvCancel(selection.token).catch(() => undefined);
    onClose();
  }

  async function confirm() {
    if (importing || blocked) return;
    setImporting(true);
    setError(null);
    try {
      onImported(await dotenvImport(projectId, selection.token, visibility));
    } catch (caught) {
      setError(toAppError(caught).message);
      setImporting(false);
    }
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
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Name</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
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
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button ref={cancelRef} type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={blocked || importing}
            onClick={() => void confirm()}
          >
            {entries.length === 1 ? "Import 1 secret" : `Import ${entries.length} secrets`}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
