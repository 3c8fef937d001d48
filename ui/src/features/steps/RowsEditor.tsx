import type { StepField } from "../../ipc/types";
import { ReferenceField } from "./ReferenceField";

type RowKind = {
  /** The section heading. */
  title: string;
  /** How one row is called in labels and messages, as the core names it. */
  singular: string;
  addLabel: string;
  namePlaceholder: string;
  /** Whether names hold references too (headers, query) or are plain identifiers (inputs). */
  referenceNames: boolean;
};

const ROW_KINDS = {
  headers: {
    title: "Headers",
    singular: "Header",
    addLabel: "Add header",
    namePlaceholder: "Authorization",
    referenceNames: true,
  },
  query: {
    title: "Query",
    singular: "Query parameter",
    addLabel: "Add query parameter",
    namePlaceholder: "page",
    referenceNames: true,
  },
  inputs: {
    title: "Inputs",
    singular: "Input",
    addLabel: "Add input",
    namePlaceholder: "user_id",
    referenceNames: false,
  },
} satisfies Record<string, RowKind>;

type RowsEditorProps = {
  /** Which rows of a step: an API step's headers or query parameters, a Function step's inputs. */
  kind: keyof typeof ROW_KINDS;
  rows: StepField[];
  onChange: (rows: StepField[]) => void;
};

/** Name → value rows. Each input is labelled like the core's messages: "Header 2 value". */
export function RowsEditor({ kind, rows, onChange }: RowsEditorProps) {
  const { title, singular, addLabel, namePlaceholder, referenceNames }: RowKind = ROW_KINDS[kind];
  const update = (index: number, change: Partial<StepField>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  return (
    <section className="step-section" aria-label={title}>
      <h3 className="step-section-heading">{title}</h3>
      {rows.length > 0 && (
        <div className="step-rows" role="group" aria-label={`${title} rows`}>
          {rows.map((row, index) => {
            const label = `${singular} ${index + 1}`;
            return (
              <div className="step-row" key={index} data-testid="step-row">
                {referenceNames ? (
                  <ReferenceField
                    ariaLabel={`${label} name`}
                    value={row.name}
                    placeholder={namePlaceholder}
                    onChange={(name) => update(index, { name })}
                  />
                ) : (
                  <input
                    className="input mono"
                    aria-label={`${label} name`}
                    value={row.name}
                    placeholder={namePlaceholder}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(event) => update(index, { name: event.target.value })}
                  />
                )}
                <ReferenceField
                  ariaLabel={`${label} value`}
                  value={row.value}
                  placeholder="Value or {NAME}"
                  onChange={(value) => update(index, { value })}
                />
                <button
                  type="button"
                  className="button button-quiet step-row-remove"
                  aria-label={`Remove ${label.toLowerCase()}`}
                  title={`Remove ${label.toLowerCase()}`}
                  onClick={() => onChange(rows.filter((_, at) => at !== index))}
                >
                  ×
                </button>
              </div>
            );
          })}
        </div>
      )}
      <div>
        <button type="button" className="link-button" onClick={() => onChange([...rows, { name: "", value: "" }])}>
          {addLabel}
        </button>
      </div>
    </section>
  );
}
