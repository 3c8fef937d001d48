import { useEffect, useRef } from "react";

const VISIBLE_MS = 8000;

type ErrorToastProps = { message: string; onDismiss: () => void; tone?: "error" | "info" };

/** A failure message that goes away by itself after a few seconds. */
/** (`tone="info"`: a confirmation, shown the same way without the alarm.) */
export function ErrorToast({ message, onDismiss, tone = "error" }: ErrorToastProps) {
  const onDismissRef = useRef(onDismiss);
  useEffect(() => {
    onDismissRef.current = onDismiss;
  });

  useEffect(() => {
    const timer = window.setTimeout(() => onDismissRef.current(), VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, []);

  return (
    <div
      className={tone === "error" ? "toast toast-error" : "toast"}
      data-testid="toast"
      role={tone === "error" ? "alert" : "status"}
    >
      <span className="toast-message">{message}</span>
      <button type="button" className="toast-dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
