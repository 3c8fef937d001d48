import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import type { CopyReceipt } from "../../ipc/types";
import { CopyToast } from "./CopyToast";
import { ErrorToast } from "./ErrorToast";
import { ToastContext, type Toasts } from "./toastContext";
import "./Toasts.css";

type ToastEntry =
  | { id: number; kind: "copied"; receipt: CopyReceipt }
  | { id: number; kind: "error"; message: string }
  | { id: number; kind: "info"; message: string };

/** Holds the toasts and draws them bottom-right. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<ToastEntry[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setEntries((current) => current.filter((entry) => entry.id !== id));
  }, []);

  const toasts = useMemo<Toasts>(
    () => ({
      showCopied(receipt) {
        const id = nextId.current++;
        // A newer copy replaces the clipboard, so only its countdown means anything.
        setEntries((current) => [
          ...current.filter((entry) => entry.kind !== "copied"),
          { id, kind: "copied", receipt },
        ]);
      },
      showError(message) {
        const id = nextId.current++;
        setEntries((current) => [...current.slice(-3), { id, kind: "error", message }]);
      },
      showInfo(message) {
        const id = nextId.current++;
        setEntries((current) => [...current.slice(-3), { id, kind: "info", message }]);
      },
    }),
    [],
  );

  return (
    <ToastContext.Provider value={toasts}>
      {children}
      <section className="toast-region" aria-label="Notifications" aria-live="polite" aria-relevant="additions">
        {entries.map((entry) =>
          entry.kind === "copied" ? (
            <CopyToast key={entry.id} receipt={entry.receipt} onDone={() => dismiss(entry.id)} />
          ) : (
            <ErrorToast
              key={entry.id}
              message={entry.message}
              tone={entry.kind === "info" ? "info" : "error"}
              onDismiss={() => dismiss(entry.id)}
            />
          ),
        )}
      </section>
    </ToastContext.Provider>
  );
}
