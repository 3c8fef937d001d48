import { useCallback } from "react";
import { useLoad } from "../../components/useLoad";
import { secretList } from "../../ipc/commands";
import type { AppError, SecretRow } from "../../ipc/types";

export type SecretList = {
  /** null until the first load finishes. */
  secrets: SecretRow[] | null;
  error: AppError | null;
  /** Loads the list again; resolves to the error if that failed (the old rows stay). */
  refresh: () => Promise<AppError | null>;
  /** Takes rows that a command already answered (e.g. overrides_save) instead of loading them. */
  replace: (rows: SecretRow[]) => void;
};

/** The project's secrets, loaded once and again on `refresh()`. */
export function useSecretList(projectId: string): SecretList {
  const { data, error, reload, update } = useLoad(useCallback(() => secretList(projectId), [projectId]));
  return { secrets: data, error, refresh: reload, replace: update };
}
