import { useEffect, useRef } from "react";

const VISIBLE_MS = 8000;

type ErrorToastProps = { message: string; onDismiss: () => void };

/** A failure message that goes away by itself after a few seconds. */
export function ErrorToast({ message, onDismiss }: ErrorToastProps) {
  const onDismissRef = useRef(onDismiss);
  useEffect(() => {
    onDismissRef.current = onDismiss;
  });

  useEffect(() => {
    const timer = window.setTimeout(() => onDismissRef.current(), VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, []);

  return (
    <div className="toast toast-error" data-testid="toast" role="alert">
      <span className="toast-message">{message}</span>
      <button type="button" className="toast-dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
