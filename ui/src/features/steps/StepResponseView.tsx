import type { StepResponse } from "../../ipc/types";

/** JSON shown indented; anything else as it came. */
function formatBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return body;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return body;
  }
}

/** The answer to a sent API step, as the back end redacted it: status, headers and body. */
export function StepResponseView({ response }: { response: StepResponse }) {
  const ok = response.status >= 200 && response.status < 400;
  return (
    <section className="step-panel" data-testid="step-response" aria-label="Response">
      <h3 className="step-panel-title">Response</h3>
      <p className="response-status">
        <span className={ok ? "status-pill is-ok" : "status-pill is-error"} data-testid="response-status">
          {response.status} {response.statusText}
        </span>
        <span className="muted">{response.elapsedMs} ms</span>
      </p>
      <p className="field-hint">Every secret value of this project is shown as ••••••.</p>
      <div className="pv-block">
        <h4 className="pv-label">Headers</h4>
        {response.headers.length === 0 ? (
          <p className="muted">None</p>
        ) : (
          <table className="pv-rows" data-testid="response-headers">
            <tbody>
              {response.headers.map((header, index) => (
                <tr key={index}>
                  <th scope="row" className="mono">
                    {header.name}
                  </th>
                  <td className="mono">{header.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="pv-block">
        <h4 className="pv-label">Body</h4>
        {response.bodyTruncated && (
          <p className="note">The body was longer than 5 MiB; only the first 5 MiB are shown.</p>
        )}
        <pre className="pv-code mono" data-testid="response-body">
          {response.body === "" ? <span className="muted">(empty)</span> : formatBody(response.body)}
        </pre>
      </div>
    </section>
  );
}
