import { LockIcon } from "../../components/LockIcon";
import { secretReveal } from "../../ipc/commands";
import type { AppError, PreviewSegment, Visibility } from "../../ipc/types";
import { useTemporaryReveal } from "../secrets/useTemporaryReveal";

export const PREVIEW_MASK = "••••••";

type PreviewTextProps = {
  segments: PreviewSegment[];
  projectId: string;
  environmentId: string;
  environmentName: string;
  onError: (error: AppError) => void;
};

/** One previewed text: literal text, variable values, and secrets as dots. */
export function PreviewText({ segments, projectId, environmentId, environmentName, onError }: PreviewTextProps) {
  if (segments.length === 0) return <span className="muted">(empty)</span>;
  return (
    <>
      {segments.map((segment, index) => {
        switch (segment.type) {
          case "text":
            return <span key={index}>{segment.text}</span>;
          case "variable":
            return (
              <span key={index} className="pv-variable" title={`Variable ${segment.name}`}>
                {segment.value}
              </span>
            );
          case "secret":
            return (
              <SecretPlaceholder
                key={`${index}-${segment.secretId}-${environmentId}`}
                name={segment.name}
                visibility={segment.visibility}
                secretId={segment.secretId}
                projectId={projectId}
                environmentId={environmentId}
                onError={onError}
              />
            );
          case "missing":
            return (
              <span
                key={index}
                className="pv-problem"
                data-testid="preview-missing"
                title={`${segment.name} has no value in ${environmentName}`}
              >
                {`{${segment.name}}`}
              </span>
            );
          case "unknown":
            return (
              <span
                key={index}
                className="pv-problem"
                data-testid="preview-unknown"
                title={`No secret or variable named ${segment.name} in this project`}
              >
                {`{${segment.name}}`}
              </span>
            );
        }
      })}
    </>
  );
}

type SecretPlaceholderProps = {
  name: string;
  visibility: Visibility;
  secretId: string;
  projectId: string;
  environmentId: string;
  onError: (error: AppError) => void;
};

/** A secret in a preview: dots. A Masked one reveals on click for 5 s; a Restricted one never. */
function SecretPlaceholder(props: SecretPlaceholderProps) {
  if (props.visibility === "restricted") {
    return (
      <span
        className="pv-secret is-restricted"
        data-testid="preview-secret"
        data-name={props.name}
        title={`${props.name} is Restricted: its value is never shown`}
      >
        <LockIcon />
        <span aria-hidden="true">{PREVIEW_MASK}</span>
        <span className="visually-hidden">{`${props.name}, Restricted, never shown`}</span>
      </span>
    );
  }
  return <MaskedPlaceholder {...props} />;
}

function MaskedPlaceholder({ name, secretId, projectId, environmentId, onError }: SecretPlaceholderProps) {
  const revealed = useTemporaryReveal(() => secretReveal(projectId, secretId, environmentId), onError);
  const shown = revealed.value;
  return (
    <button
      type="button"
      className={shown !== null ? "pv-secret is-revealed" : "pv-secret"}
      data-testid="preview-secret"
      data-name={name}
      aria-label={shown !== null ? `Hide ${name}` : `Reveal ${name}`}
      title={shown !== null ? undefined : `${name} (Masked): click to reveal for 5 seconds`}
      onClick={() => (shown !== null ? revealed.hide() : revealed.reveal())}
      onBlur={revealed.hide}
    >
      {shown ?? PREVIEW_MASK}
    </button>
  );
}
