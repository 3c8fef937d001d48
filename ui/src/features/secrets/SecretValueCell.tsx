import { useEffect, useRef } from "react";
import { secretReveal } from "../../ipc/commands";
import type { AppError, SecretRow } from "../../ipc/types";
import { useTemporaryReveal } from "./useTemporaryReveal";

/** Always eight, whatever the value's length. */
export const MASK = "••••••••";
/** A pointer only passing over the row does not decrypt anything. */
export const HOVER_INTENT_MS = 150;
export const RESTRICTED_VALUE_EXPLANATION = "Restricted: this value can never be revealed or copied";

type SecretValueCellProps = {
  projectId: string;
  secret: SecretRow;
  environmentId: string;
  onError: (error: AppError) => void;
};

/**
 * The Value cell. Masked values are fetched on hover, click or Enter and shown in place
 * until mouse-out, 5 s, focus leaving or the window losing focus; then the value is dropped
 * from state (and so from the DOM). Restricted values are never fetched.
 * Give it a `key` that changes with the environment and the secret's updatedAt.
 */
export function SecretValueCell({ projectId, secret, environmentId, onError }: SecretValueCellProps) {
  if (secret.visibility === "restricted") {
    return (
      <td className="secret-value-cell" data-testid="secret-value" title={RESTRICTED_VALUE_EXPLANATION}>
        <span className="secret-value-mask" aria-hidden="true">
          {MASK}
        </span>
        <span className="visually-hidden">{RESTRICTED_VALUE_EXPLANATION}</span>
      </td>
    );
  }
  if (secret.missingIn.includes(environmentId)) {
    return (
      <td className="secret-value-cell" data-testid="secret-value" title="No value in this environment">
        <span className="secret-value-unset">Not set</span>
      </td>
    );
  }
  return <MaskedValueCell projectId={projectId} secret={secret} environmentId={environmentId} onError={onError} />;
}

function MaskedValueCell({ projectId, secret, environmentId, onError }: SecretValueCellProps) {
  const revealed = useTemporaryReveal(() => secretReveal(projectId, secret.id, environmentId), onError);
  const hoverTimer = useRef<number | undefined>(undefined);

  function reveal() {
    window.clearTimeout(hoverTimer.current);
    revealed.reveal();
  }

  function hide() {
    window.clearTimeout(hoverTimer.current);
    revealed.hide();
  }

  function revealSoon() {
    window.clearTimeout(hoverTimer.current);
    hoverTimer.current = window.setTimeout(reveal, HOVER_INTENT_MS);
  }

  const shown = revealed.value;

  // No reveal may start after the row is gone.
  useEffect(() => {
    const hovering = hoverTimer;
    return () => window.clearTimeout(hovering.current);
  }, []);

  return (
    <td className="secret-value-cell" data-testid="secret-value" onMouseEnter={revealSoon} onMouseLeave={hide}>
      <button
        type="button"
        className={shown !== null ? "secret-value-button is-revealed" : "secret-value-button"}
        aria-label={shown !== null ? undefined : `Reveal value of ${secret.name}`}
        title={shown !== null ? undefined : "Hover or press Enter to reveal for 5 seconds"}
        onClick={reveal}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === "Escape" && shown !== null) {
            event.stopPropagation();
            hide();
          }
        }}
      >
        {shown !== null ? (
          <span className="secret-value-plain mono">{shown}</span>
        ) : (
          <span className="secret-value-mask" aria-hidden="true">
            {MASK}
          </span>
        )}
      </button>
    </td>
  );
}
