import { createContext, useContext } from "react";
import type { CopyReceipt } from "../../ipc/types";

export type Toasts = {
  /** Shows "Copied NAME — clipboard clears in N s" with a live countdown. */
  showCopied: (receipt: CopyReceipt) => void;
  /** Shows a failure message (usually AppError.message). */
  showError: (message: string) => void;
  /** Shows a short confirmation ("Exported … to PATH"). */
  showInfo: (message: string) => void;
};

export const ToastContext = createContext<Toasts | null>(null);

export function useToasts(): Toasts {
  const toasts = useContext(ToastContext);
  if (!toasts) throw new Error("useToasts must be used inside <ToastProvider>");
  return toasts;
}
