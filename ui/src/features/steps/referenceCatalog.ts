import { createContext, useContext } from "react";
import type { SecretRow, Variable } from "../../ipc/types";

/** What `{NAME}` can refer to in the current project, for the picker and the highlighting. */
export type ReferenceCatalog = {
  variables: Variable[];
  secrets: SecretRow[];
  /** Opens the New Secret dialog; `onCreated` gets the new secret's name once it is saved. */
  createSecret: (onCreated: (name: string) => void) => void;
};

export const ReferenceCatalogContext = createContext<ReferenceCatalog>({
  variables: [],
  secrets: [],
  createSecret: () => undefined,
});

export function useReferenceCatalog(): ReferenceCatalog {
  return useContext(ReferenceCatalogContext);
}

export type PickerEntry =
  | { kind: "variable"; name: string; detail: string }
  | { kind: "secret"; name: string; detail: string; restricted: boolean };

/** Names matching `query` (case-insensitive): those starting with it first, then by name. */
export function filterEntries<T extends { name: string }>(entries: readonly T[], query: string): T[] {
  const needle = query.toLowerCase();
  const rank = (name: string) => (name.toLowerCase().startsWith(needle) ? 0 : 1);
  return entries
    .filter((entry) => entry.name.toLowerCase().includes(needle))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export function variableEntries(variables: readonly Variable[]): PickerEntry[] {
  return variables.map((variable) => ({ kind: "variable", name: variable.name, detail: variable.value }));
}

export function secretEntries(secrets: readonly SecretRow[]): PickerEntry[] {
  return secrets.map((secret) => ({
    kind: "secret",
    name: secret.name,
    detail: secret.visibility === "restricted" ? "Restricted" : "Masked",
    restricted: secret.visibility === "restricted",
  }));
}
