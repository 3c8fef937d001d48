import { useEffect, useRef, useState } from "react";
import { toAppError } from "../../ipc/appError";
import { secretReveal } from "../../ipc/commands";
import type { AppError, SecretRow } from "../../ipc/types";

/** Always eight, whatever the value's length. */
export const MASK = "••••••••";
export const REVEAL_MS = 5000;
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

type Revealed = { value: string };

function MaskedValueCell({ projectId, secret, environmentId, onError }: SecretValueCellProps) {
  // A fresh object on each reveal, so the 5 s timer restarts.
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  // Bumped on every reveal and hide: a reply that arrives after a newer request or
  // after hiding is thrown away.
  const request = useRef(0);
  const hoverTimer = useRef<number | undefined>(undefined);

  function reveal() {
    window.clearTimeout(hoverTimer.current);
    const ticket = ++request.current;
    secretReveal(projectId, secret.id, environmentId).then(
      (value) => {
        if (request.current === ticket) setRevealed({ value });
      },
      (error: unknown) => {
        if (request.current === ticket) onError(toAppError(error));
      },
    );
  }

  function hide() {
    window.clearTimeout(hoverTimer.current);
    request.current++;
    setRevealed(null);
  }

  function revealSoon() {
    window.clearTimeout(hoverTimer.current);
    hoverTimer.current = window.setTimeout(reveal, HOVER_INTENT_MS);
  }

  useEffect(() => {
    if (!revealed) return;
    const hideNow = () => {
      request.current++;
      setRevealed(null);
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === "hidden") hideNow();
    };
    const timer = window.setTimeout(hideNow, REVEAL_MS);
    window.addEventListener("blur", hideNow);
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("blur", hideNow);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [revealed]);

  // Nothing pending may land after the row is gone.
  useEffect(() => {
    const pending = request;
    const hovering = hoverTimer;
    return () => {
      window.clearTimeout(hovering.current);
      pending.current++;
    };
  }, []);

  return (
    <td className="secret-value-cell" data-testid="secret-value" onMouseEnter={revealSoon} onMouseLeave={hide}>
      <button
        type="button"
        className={revealed ? "secret-value-button is-revealed" : "secret-value-button"}
        aria-label={revealed ? undefined : `Reveal value of ${secret.name}`}
        title={revealed ? undefined : "Hover or press Enter to reveal for 5 seconds"}
        onClick={reveal}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === "Escape" && revealed) {
            event.stopPropagation();
            hide();
          }
        }}
      >
        {revealed ? (
          <span className="secret-value-plain mono">{revealed.value}</span>
        ) : (
          <span className="secret-value-mask" aria-hidden="true">
            {MASK}
          </span>
        )}
      </button>
    </td>
  );
}
