import type { SecretRow } from "../../ipc/types";
import { hasPendingValues } from "../projects/pending";

export type SecretSort = "name" | "updated";

export type SecretListQuery = {
  search: string;
  sort: SecretSort;
  needsValueOnly: boolean;
};

export function needsValue(secret: SecretRow): boolean {
  // Missing somewhere, or still waiting for a value an import or duplicate left out.
  return secret.missingIn.length > 0 || hasPendingValues(secret);
}

/** The rows to show: filtered by name and "Needs value", then sorted. */
export function visibleSecrets(secrets: readonly SecretRow[], query: SecretListQuery): SecretRow[] {
  const search = query.search.trim().toLowerCase();
  const rows = secrets.filter(
    (secret) =>
      (search === "" || secret.name.toLowerCase().includes(search)) && (!query.needsValueOnly || needsValue(secret)),
  );
  return rows.sort(query.sort === "name" ? byName : byNewest);
}

function byName(a: SecretRow, b: SecretRow): number {
  return a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.name.localeCompare(b.name);
}

function byNewest(a: SecretRow, b: SecretRow): number {
  return b.updatedAt - a.updatedAt || byName(a, b);
}
