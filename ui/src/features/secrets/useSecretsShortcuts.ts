import { useEffect, useRef } from "react";

type Shortcuts = {
  enabled: boolean;
  onFocusSearch: () => void;
};

/**
 * Ctrl/Cmd+F: focus the search box. (Ctrl/Cmd+N and `/` work on every page:
 * features/commands/shortcuts.ts.)
 */
export function useSecretsShortcuts({ enabled, onFocusSearch }: Shortcuts) {
  const handlers = useRef({ onFocusSearch });
  useEffect(() => {
    handlers.current = { onFocusSearch };
  });

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.shiftKey) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "f") {
        event.preventDefault();
        handlers.current.onFocusSearch();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
