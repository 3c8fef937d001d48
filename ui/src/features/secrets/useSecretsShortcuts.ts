import { useEffect, useRef } from "react";

type Shortcuts = {
  enabled: boolean;
  onNewSecret: () => void;
  onFocusSearch: () => void;
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Ctrl/Cmd+N: New Secret. `/` (when not typing) or Ctrl/Cmd+F: focus the search box. */
export function useSecretsShortcuts({ enabled, onNewSecret, onFocusSearch }: Shortcuts) {
  const handlers = useRef({ onNewSecret, onFocusSearch });
  useEffect(() => {
    handlers.current = { onNewSecret, onFocusSearch };
  });

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey) return;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (command && !event.shiftKey && key === "n") {
        event.preventDefault();
        handlers.current.onNewSecret();
      } else if (command && !event.shiftKey && key === "f") {
        event.preventDefault();
        handlers.current.onFocusSearch();
      } else if (!command && event.key === "/" && !isTyping(event.target)) {
        event.preventDefault();
        handlers.current.onFocusSearch();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
