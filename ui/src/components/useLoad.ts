import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { toAppError } from "../ipc/appError";
import type { AppError } from "../ipc/types";

export type Load<T> = {
  /** null until the first load succeeds; a later failure keeps the last data. */
  data: T | null;
  error: AppError | null;
  /** Loads again (the error is cleared meanwhile); resolves to the error if that failed. */
  reload: () => Promise<AppError | null>;
  /** Changes the data in place, e.g. with what a command already answered. */
  update: Dispatch<SetStateAction<T | null>>;
};

/**
 * Calls `load` on mount and whenever `load` changes (wrap it in useCallback with its inputs),
 * keeping only the newest answer and none that arrives after unmount.
 */
export function useLoad<T>(load: () => Promise<T>): Load<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // Numbers the requests: only the newest one's answer is taken, and none once unmounted.
  const latest = useRef(0);
  const active = useRef(false);

  const take = useCallback((request: number, next: T) => {
    if (!active.current || request !== latest.current) return;
    setData(next);
    setError(null);
  }, []);

  const fail = useCallback((request: number, caught: unknown): AppError => {
    const appError = toAppError(caught);
    if (active.current && request === latest.current) setError(appError);
    return appError;
  }, []);

  useEffect(() => {
    active.current = true;
    latest.current += 1;
    const request = latest.current;
    load().then(
      (next) => take(request, next),
      (caught: unknown) => fail(request, caught),
    );
    return () => {
      active.current = false;
    };
  }, [load, take, fail]);

  const reload = useCallback(async (): Promise<AppError | null> => {
    setError(null);
    latest.current += 1;
    const request = latest.current;
    try {
      take(request, await load());
      return null;
    } catch (caught) {
      return fail(request, caught);
    }
  }, [load, take, fail]);

  return { data, error, reload, update: setData };
}
