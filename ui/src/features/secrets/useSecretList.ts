import { useCallback, useEffect, useState } from "react";
import { toAppError } from "../../ipc/appError";
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
  const [secrets, setSecrets] = useState<SecretRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const refresh = useCallback(async (): Promise<AppError | null> => {
    try {
      const rows = await secretList(projectId);
      setSecrets(rows);
      setError(null);
      return null;
    } catch (caught) {
      const appError = toAppError(caught);
      setError(appError);
      return appError;
    }
  }, [projectId]);

  const replace = useCallback((rows: SecretRow[]) => {
    setSecrets(rows);
    setError(null);
  }, []);

  useEffect(() => {
    let current = true;
    secretList(projectId).then(
      (rows) => {
        if (!current) return;
        setSecrets(rows);
        setError(null);
      },
      (caught: unknown) => {
        if (current) setError(toAppError(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [projectId]);

  return { secrets, error, refresh, replace };
}
