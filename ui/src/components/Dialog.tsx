import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";
import { focusableElements } from "./focusable";
import "./Dialog.css";

type DialogProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The element to focus when the dialog opens; the first focusable one otherwise. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  describedById?: string;
  /** Extra class on the panel, e.g. for a dialog wider than the usual 480 px. */
  className?: string;
};

/**
 * A modal dialog: 480 px, focus trapped inside, Escape closes, and focus goes back
 * to whatever had it before the dialog opened.
 */
export function Dialog({ title, onClose, children, initialFocusRef, describedById, className }: DialogProps) {
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    if (panel) {
      const target = initialFocusRef?.current ?? focusableElements(panel)[0] ?? panel;
      target.focus();
    }

    // Keep focus inside even when something outside tries to take it.
    function onFocusIn(event: FocusEvent) {
      const current = panelRef.current;
      if (current && event.target instanceof Node && !current.contains(event.target)) {
        (focusableElements(current)[0] ?? current).focus();
      }
    }
    document.addEventListener("focusin", onFocusIn);

    return () => {
      document.removeEventListener("focusin", onFocusIn);
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocusRef]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== "Tab" || !panelRef.current) return;
    const focusables = focusableElements(panelRef.current);
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panelRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={panelRef}
        className={className ? `dialog ${className}` : "dialog"}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedById}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
