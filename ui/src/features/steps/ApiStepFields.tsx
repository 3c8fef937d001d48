import { useId } from "react";
import { Field } from "../../components/forms/Field";
import { Select } from "../../components/forms/Select";
import type { BodyKind, HttpMethod, StepDefinition } from "../../ipc/types";
import { ReferenceField } from "./ReferenceField";
import { RowsEditor } from "./RowsEditor";

export type ApiStepDefinition = Extract<StepDefinition, { kind: "api" }>;

const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const METHOD_OPTIONS = METHODS.map((method) => ({ value: method, label: method }));
const BODY_KINDS: { value: BodyKind; label: string }[] = [
  { value: "none", label: "None" },
  { value: "raw", label: "Raw text" },
  { value: "json", label: "JSON" },
];

type ApiStepFieldsProps = {
  definition: ApiStepDefinition;
  onChange: (change: Partial<ApiStepDefinition>) => void;
};

/** An API step's request: method and URL, headers, query parameters and the body. */
export function ApiStepFields({ definition, onChange }: ApiStepFieldsProps) {
  const bodyId = useId();
  const bodyKindId = useId();
  return (
    <>
      <div className="step-request-line">
        <Field label="Method" className="step-method-field">
          {({ id }) => (
            <Select
              id={id}
              value={definition.method}
              options={METHOD_OPTIONS}
              onChange={(method) => onChange({ method })}
            />
          )}
        </Field>
        <Field label="URL" className="step-url-field">
          {({ id }) => (
            <ReferenceField
              id={id}
              value={definition.url}
              placeholder="https://api.example.com/v1/{PATH}"
              onChange={(url) => onChange({ url })}
            />
          )}
        </Field>
      </div>
      <RowsEditor kind="headers" rows={definition.headers} onChange={(headers) => onChange({ headers })} />
      <RowsEditor kind="query" rows={definition.query} onChange={(query) => onChange({ query })} />
      <section className="step-section">
        <div className="step-body-heading">
          <label htmlFor={bodyId} className="step-section-heading">
            Body
          </label>
          <label htmlFor={bodyKindId} className="visually-hidden">
            Body type
          </label>
          <Select
            id={bodyKindId}
            className="select step-body-kind"
            value={definition.body.kind}
            options={BODY_KINDS}
            onChange={(kind) => onChange({ body: { ...definition.body, kind } })}
          />
        </div>
        {definition.body.kind === "none" ? (
          <p className="field-hint">No body is sent. Choose Raw text or JSON to write one.</p>
        ) : (
          <ReferenceField
            id={bodyId}
            multiline
            rows={8}
            value={definition.body.text}
            placeholder={definition.body.kind === "json" ? '{"user": "{USER_ID}"}' : ""}
            onChange={(text) => onChange({ body: { ...definition.body, text } })}
          />
        )}
      </section>
    </>
  );
}
