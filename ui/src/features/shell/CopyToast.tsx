import { useEffect, useRef, useState } from "react";
import type { CopyReceipt } from "../../ipc/types";

/** How long "0 s" stays on screen before the toast goes away. */
const CLOSE_DELAY_MS = 1000;
const TICK_MS = 250;

type CopyToastProps = { receipt: CopyReceipt; onDone: () => void };

/** "Copied NAME — clipboard clears in N s", counting down to 0 against the clock, then closing. */
export function CopyToast({ receipt, onDone }: CopyToastProps) {
  const [deadline] = useState(() => Date.now() + Math.max(0, receipt.clearAfterSeconds) * 1000);
  const [now, setNow] = useState(() => Date.now());
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  });

  useEffect(() => {
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline + CLOSE_DELAY_MS) onDoneRef.current();
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [deadline]);

  const remaining = Math.max(0, Math.ceil((deadline - now) / 1000));

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
