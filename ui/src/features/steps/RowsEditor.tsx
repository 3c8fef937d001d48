import type { StepField } from "../../ipc/types";
import { ReferenceField } from "./ReferenceField";

type RowsEditorProps = {
  /** The section heading: `Headers`, `Query`, `Inputs`. */
  title: string;
  /** How one row is called in labels and messages, as the core names it: `Header`, `Query parameter`, `Input`. */
  singular: string;
  rows: StepField[];
  onChange: (rows: StepField[]) => void;
  addLabel: string;
  namePlaceholder?: string;
  /** Whether names hold references too (headers, query) or are plain identifiers (inputs). */
  referenceNames?: boolean;
};

/** Name → value rows. Each input is labelled like the core's messages: "Header 2 value". */
export function RowsEditor({
  title,
  singular,
  rows,
  onChange,
  addLabel,
  namePlaceholder,
  referenceNames = true,
}: RowsEditorProps) {
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
