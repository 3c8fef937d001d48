import { useRef, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { Checkbox } from "../../components/forms/Checkbox";
import { FindingsTable } from "./FindingsTable";
import { useScan } from "./useScan";
import { formatBytes } from "./formatBytes";
import "./scan.css";

type ScanDialogProps = {
  projectId: string;
  onClose: () => void;
};

/**
 * "Scan for leaks": pick a folder (native dialog), choose git history and agent transcripts,
 * scan with live counters, then the findings — names, environments and places, never values.
 */
export function ScanDialog({ projectId, onClose }: ScanDialogProps) {
  const { status, error, chooseFolder, start } = useScan(projectId);
  const [gitHistory, setGitHistory] = useState(false);
  const [agents, setAgents] = useState(false);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const running = status?.running ?? false;
  const report = running ? null : (status?.report ?? null);
  const scanError = error ?? (running ? null : (status?.error ?? null));

  return (
    <Dialog title="Scan for leaks" onClose={onClose} initialFocusRef={chooseRef} className="scan-dialog">
      <p className="muted scan-intro">
        Looks for this project&apos;s real values — as they are, and base64, hex, URL- or JSON-encoded — in a
        folder. Nothing leaves your computer.
      </p>
      <div className="scan-folder">
        <button ref={chooseRef} type="button" className="button" onClick={() => void chooseFolder()} disabled={running}>
          Choose folder…
        </button>
        <span className="scan-folder-path" data-testid="scan-folder" title={status?.folder ?? undefined}>
          {status?.folder ?? "No folder chosen"}
        </span>
      </div>
      <div className="scan-options">
        <Checkbox
          className="scan-option"
          label="Include git history (every committed version)"
          checked={gitHistory}
          disabled={running}
          onChange={setGitHistory}
        />
        <Checkbox
          className="scan-option"
          label="Include coding agents' transcripts (Claude Code, Codex, Cursor, Gemini CLI, Aider)"
          checked={agents}
          disabled={running}
          onChange={setAgents}
        />
      </div>
      {running && status && (
        <div className="scan-progress" role="status">
          <progress aria-label="Scanning" />
          <span>
            Scanning… {status.progress.files} files
            {status.progress.blobs > 0 ? `, ${status.progress.blobs} git blobs` : ""}, {formatBytes(status.progress.bytes)}
            , {status.progress.findings} found
          </span>
        </div>
      )}
      {scanError && (
        <p className="field-error" role="alert">
          {scanError.message}
        </p>
      )}
      {report && <FindingsTable report={report} />}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={running || !status?.folder}
          onClick={() => void start(gitHistory, agents)}
        >
          {report ? "Scan again" : "Scan"}
        </button>
      </div>
    </Dialog>
  );
}
