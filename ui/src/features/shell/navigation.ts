import { createContext, useContext, useEffect, useEffectEvent } from "react";

/** The Agent Settings pages the sidebar switches between. */
export type Page = "secrets" | "environments" | "steps" | "variables";

/** Something to do once a page is shown (from the command palette or a shortcut). */
export type PageIntent =
  | { kind: "new-secret" }
  | { kind: "find-secret"; name: string }
  | { kind: "new-step" }
  | { kind: "open-step"; stepId: string };

export type Navigation = {
  page: Page;
  /** Shows `page` (asking first when unsaved edits would be lost), then hands it `intent`. */
  navigate: (page: Page, intent?: PageIntent) => void;
  /** The intent the shown page has not acted on yet. */
  intent?: PageIntent | null;
  intentDone?: () => void;
};

/** Provided by the Workspace; the default (Secrets, no-op) keeps lone components renderable. */
export const NavigationContext = createContext<Navigation>({ page: "secrets", navigate: () => undefined });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/** Lets the shown page act on an intent handed to it, once. */
export function usePageIntent(onIntent: (intent: PageIntent) => void): void {
  const { intent, intentDone } = useNavigation();
  const act = useEffectEvent(onIntent);
  useEffect(() => {
    if (!intent) return;
    intentDone?.();
    act(intent);
  }, [intent, intentDone]);
}
