/** What a global shortcut does. */
export type ShortcutAction = "palette" | "new-secret" | "focus-search" | "help";

/** The app's keyboard shortcuts, as the help overlay lists them. */
export const SHORTCUTS: readonly { keys: string; description: string }[] = [
  { keys: "Mod+K", description: "Open the command palette: go to a secret, step or page, or run an action" },
  { keys: "Mod+N", description: "New Secret" },
  { keys: "/", description: "Search secrets" },
  { keys: "?", description: "Show these shortcuts" },
  { keys: "Escape", description: "Close a dialog, menu or picker" },
];

/** "Mod" as this keyboard calls it: ⌘ on a Mac, Ctrl elsewhere. */
export function keysLabel(keys: string, platform: string = navigator.platform): string {
  return keys.replace("Mod", /mac/i.test(platform) ? "⌘" : "Ctrl");
}

/** Whether keys typed at `target` are text (an input, a text area, a select, editable content). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** A search box only filters what is shown: nothing typed there is lost by leaving it. */
function isSearchBox(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === "search";
}

/**
 * The global shortcut a key press means, if any. While typing only Ctrl/Cmd+K works (and Ctrl/Cmd+N
 * from a search box): elsewhere the keys are characters, or the field's own.
 */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  if (event.altKey) return null;
  const command = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (command && !event.shiftKey && key === "k") return "palette";
  if (command && !event.shiftKey && key === "n" && isSearchBox(event.target)) return "new-secret";
  if (isTyping(event.target)) return null;
  if (command && !event.shiftKey && key === "n") return "new-secret";
  if (command) return null;
  if (event.key === "/") return "focus-search";
  if (event.key === "?") return "help";
  return null;
}
