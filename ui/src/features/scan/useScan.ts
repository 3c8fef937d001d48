import { useCallback, useEffect, useState } from "react";
import { toAppError } from "../../ipc/appError";
import { scanChooseFolder, scanStart, scanStatus } from "../../ipc/commands";
import type { AppError, ScanStatus } from "../../ipc/types";

/** How often a running scan's counters are asked for. */
export const POLL_MS = 200;

/** The scan's state in Rust: loaded once, then polled while a scan runs. */
export function useScan(projectId: string) {
  const [status, setStatus] = useState<ScanStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // Counts the answers, so that an answer equal to the last one still schedules the next look.
  const [answers, setAnswers] = useState(0);

  useEffect(() => {
    let alive = true;
    scanStatus().then(
      (loaded) => {
        if (alive) setStatus(loaded);
      },
      (caught: unknown) => {
        if (alive) setError(toAppError(caught));
      },
    );
    return () => {
      alive = false;
    };
  }, []);

  // While a scan runs, each answer schedules the next look.
  const running = status?.running ?? false;
  useEffect(() => {
    if (!running) return;
    let alive = true;
    const timer = window.setTimeout(() => {
      scanStatus().then(
        (next) => {
          if (!alive) return;
          setStatus(next);
          setAnswers((count) => count + 1);
        },
        (caught: unknown) => {
          if (alive) setError(toAppError(caught));
        },
      );
    }, POLL_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [running, answers]);

  const chooseFolder = useCallback(async () => {
    setError(null);
    try {
      const folder = await scanChooseFolder();
      if (folder !== null) setStatus((current) => (current ? { ...current, folder } : current));
    } catch (caught) {
      setError(toAppError(caught));
    }
  }, []);

  const start = useCallback(
    async (gitHistory: boolean, agents: boolean) => {
      setError(null);
      try {
        setStatus(await scanStart(projectId, gitHistory, agents));
      } catch (caught) {
        setError(toAppError(caught));
      }
    },
    [projectId],
  );

  return { status, error, chooseFolder, start };
}
