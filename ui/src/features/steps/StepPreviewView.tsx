import type { AppError, PreviewRow, PreviewSegment, StepPreview } from "../../ipc/types";
import { PreviewText } from "./PreviewText";

type StepPreviewViewProps = {
  preview: StepPreview;
  projectId: string;
  onError: (error: AppError) => void;
};

/** A step as it would run in one environment: references resolved, secrets as dots, problems listed. */
export function StepPreviewView({ preview, projectId, onError }: StepPreviewViewProps) {
  const env = preview.environment;
  const text = (segments: PreviewSegment[]) => (
    <PreviewText
      segments={segments}
      projectId={projectId}
      environmentId={env.id}
      environmentName={env.name}
      onError={onError}
    />
  );
  const rows = (title: string, list: PreviewRow[]) =>
    list.length > 0 && (
      <div className="pv-block">
        <h4 className="pv-label">{title}</h4>
        <table className="pv-rows">
          <tbody>
            {list.map((row, index) => (
              <tr key={index}>
                <th scope="row" className="mono">
                  {text(row.name)}
                </th>
                <td className="mono">{text(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  const definition = preview.definition;
  return (
    <section className="step-panel" data-testid="step-preview" aria-label={`Preview in ${env.name}`}>
      <h3 className="step-panel-title">Preview in {env.name}</h3>
      {preview.errors.length > 0 ? (
        <div className="pv-errors" role="alert">
          <p className="pv-errors-title">
            {preview.errors.length === 1 ? "1 problem" : `${preview.errors.length} problems`} in {env.name}
          </p>
          <ul>
            {preview.errors.map((error, index) => (
              <li key={index} data-testid="preview-error" data-code={error.code}>
                {error.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="pv-ok">Every reference resolves in {env.name}.</p>
      )}
      {definition.kind === "api" ? (
        <>
          <div className="pv-block">
            <h4 className="pv-label">URL</h4>
            <p className="pv-line mono">
              <span className="pv-method">{definition.method}</span> {text(definition.url)}
            </p>
          </div>
          {rows("Headers", definition.headers)}
          {rows("Query", definition.query)}
          {definition.bodyKind !== "none" && (
            <div className="pv-block">
              <h4 className="pv-label">Body</h4>
              <pre className="pv-code mono">{text(definition.body)}</pre>
            </div>
          )}
        </>
      ) : (
        <>
          <div className="pv-block">
            <h4 className="pv-label">Code</h4>
            <pre className="pv-code mono">{text(definition.code)}</pre>
          </div>
          {rows("Inputs", definition.inputs)}
        </>
      )}
    </section>
  );
}
