import { TableHead } from "../../components/TableHead";
import { toAppError } from "../../ipc/appError";
import { scanOpenFolder } from "../../ipc/commands";
import type { Finding, Form, ScanReport } from "../../ipc/types";
import { useToasts } from "../shell/toastContext";
import { formatBytes } from "./formatBytes";

const FORM_LABELS: Record<Form, string> = {
  plain: "plain",
  json: "JSON-escaped",
  url: "URL-encoded",
  hex: "hex",
  base64: "base64",
  base64url: "base64 (URL-safe)",
};

function place(finding: Finding): string {
  const commit = finding.commit ? `${finding.commit.slice(0, 12)}:` : "";
  return `${commit}${finding.path}`;
}

/** One place that holds a secret value; `index` is its place in the report, for "Open folder". */
function FindingRow({ finding, index }: { finding: Finding; index: number }) {
  const toasts = useToasts();
  return (
    <tr data-testid="scan-finding" data-name={finding.secret}>
      <td className="mono">{finding.secret}</td>
      <td>{finding.environment}</td>
      <td className="mono scan-path" title={place(finding)}>
        {place(finding)}
      </td>
      <td className="scan-line">
        {finding.line}:{finding.column}
      </td>
      <td>{FORM_LABELS[finding.form]}</td>
      <td>
        <button
          type="button"
          className="button scan-open"
          aria-label={`Open folder of ${place(finding)}`}
          onClick={() => {
            scanOpenFolder(index).catch((caught: unknown) => toasts.showError(toAppError(caught).message));
          }}
        >
          Open folder
        </button>
      </td>
    </tr>
  );
}

/** The findings of a finished scan, with what to do about them. */
export function FindingsTable({ report }: { report: ScanReport }) {
  const { findings, summary } = report;
  const read = `${summary.files} files${summary.blobs > 0 ? ` and ${summary.blobs} git blobs` : ""}, ${formatBytes(summary.bytes)}`;

  return (
    <div className="scan-results">
      {findings.length === 0 ? (
        <p className="scan-clean" data-testid="scan-summary">
          No secret values found ({read} read).
        </p>
      ) : (
        <>
          <p className="scan-found" data-testid="scan-summary" role="alert">
            {summary.truncated ? "At least " : ""}
            {findings.length} {findings.length === 1 ? "place holds" : "places hold"} a secret value ({read} read).
          </p>
          <p className="scan-reminder">
            Rotate each leaked secret: issue a new value where it comes from and revoke the old one, then store the new
            value — <strong>Edit</strong> in the secret&apos;s ⋮ menu opens its value. Remove the old value from the
            files (and from git history, if it was committed).
          </p>
          <div className="scan-table-scroll">
            <table className="scan-table" data-testid="scan-findings">
              <TableHead columns={["Secret", "Environment", "File", "Line", "Form"]} actions />
              <tbody>
                {findings.map((finding, index) => (
                  <FindingRow
                    key={`${place(finding)}:${finding.line}:${finding.column}:${finding.secret}:${finding.form}`}
                    finding={finding}
                    index={index}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {summary.unsearched.length > 0 && (
        <p className="muted scan-unsearched">
          Not searched (shorter than 6 characters, too common to tell a leak):{" "}
          {summary.unsearched.map((value) => `${value.secret} (${value.environment})`).join(", ")}.
        </p>
      )}
    </div>
  );
}
