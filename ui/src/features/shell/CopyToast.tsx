import { useEffect, useRef, useState } from "react";
import type { CopyReceipt } from "../../ipc/types";

/** How long "0 s" stays on screen before the toast goes away. */
const CLOSE_DELAY_MS = 1000;

type CopyToastProps = { receipt: CopyReceipt; onDone: () => void };

/** "Copied NAME — clipboard clears in N s", counting down once a second to 0, then closing. */
export function CopyToast({ receipt, onDone }: CopyToastProps) {
  const [remaining, setRemaining] = useState(Math.max(0, Math.round(receipt.clearAfterSeconds)));
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  });

  useEffect(() => {
    if (remaining <= 0) {
      const timer = window.setTimeout(() => onDoneRef.current(), CLOSE_DELAY_MS);
      return () => window.clearTimeout(timer);
    }
    const timer = window.setTimeout(() => setRemaining((seconds) => seconds - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [remaining]);

  return (
    <div className="toast" data-testid="toast">
      <span className="toast-message">
        Copied <span className="mono">{receipt.secretName}</span> — clipboard clears in{" "}
        <span className="toast-countdown">{remaining}</span> s
      </span>
      <button type="button" className="toast-dismiss" aria-label="Dismiss" onClick={onDone}>
        ×
      </button>
    </div>
  );
}
