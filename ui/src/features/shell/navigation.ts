import { createContext, useContext } from "react";

/** The Agent Settings pages the sidebar switches between. */
export type Page = "secrets" | "environments" | "steps" | "variables";

export type Navigation = {
  page: Page;
  navigate: (page: Page) => void;
};

/** Provided by the Workspace; the default (Secrets, no-op) keeps lone components renderable. */
export const NavigationContext = createContext<Navigation>({ page: "secrets", navigate: () => undefined });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
