import { createContext, useContext, useEffect, useRef } from "react";

/** What would make an editor go away: a page, project, environment or step switch. */
export type LeaveReason = "page" | "project" | "environment" | "step";

/** An editor's unsaved edits, as the "Save / Discard / Cancel" prompt needs them. */
export type PendingEdits = {
  /** Names what has the edits, e.g. `step “Weather”`. */
  what: string;
  /** Saves them; false when that failed (the editor shows why, and the user stays). */
  save: () => Promise<boolean>;
  /** Switches the editor survives with its edits, so they need no prompt. */
  keptAcross?: readonly LeaveReason[];
};

export type UnsavedChanges = {
  /** Called by an editor while it has edits; returns the call that withdraws them. */
  register: (edits: { readonly current: PendingEdits }) => () => void;
  /**
   * Runs `proceed` at once when nothing would be lost; otherwise asks "Save / Discard / Cancel"
   * and runs it after Save (if saving worked) or Discard, and `stay` after Cancel.
   */
  guard: (reason: LeaveReason, proceed: () => void, stay?: () => void) => void;
};

/** Without a provider (a component rendered alone) nothing is guarded. */
export const UnsavedChangesContext = createContext<UnsavedChanges>({
  register: () => () => undefined,
  guard: (_reason, proceed) => proceed(),
});

export function useLeaveGuard(): UnsavedChanges["guard"] {
  return useContext(UnsavedChangesContext).guard;
}

/** Declares an editor's edits for as long as `dirty` is true. */
export function useUnsavedChanges(dirty: boolean, edits: PendingEdits): void {
  const { register } = useContext(UnsavedChangesContext);
  const latest = useRef(edits);
  useEffect(() => {
    latest.current = edits;
  });
  useEffect(() => (dirty ? register(latest) : undefined), [dirty, register]);
}
