import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/types";

export const REVEAL_MS = 5000;

export type TemporaryReveal = {
  /** The plaintext while revealed; null otherwise (and then nowhere in state or the DOM). */
  value: string | null;
  /** Fetches the value and shows it, restarting the 5 s timer. */
  reveal: () => void;
  /** Drops the value at once; a reply still on its way is thrown away. */
  hide: () => void;
};

type Revealed = { value: string };

/**
 * The reveal rules shared by every place that can show a Masked value: fetched only on request,
 * dropped after 5 s, when the window loses focus or is hidden, on `hide()` and on unmount.
 * `fetchValue` is called at the moment of `reveal()`; give the owner a `key` that changes when
 * what it would fetch changes (secret, environment, updatedAt).
 */
export function useTemporaryReveal(
  fetchValue: () => Promise<string>,
  onError: (error: AppError) => void,
): TemporaryReveal {
  // A fresh object on each reveal, so the 5 s timer restarts.
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  // Bumped on every reveal and hide: a reply that arrives after a newer request or
  // after hiding is thrown away.
  const request = useRef(0);

  function reveal() {
    const ticket = ++request.current;
    fetchValue().then(
      (value) => {
        if (request.current === ticket) setRevealed({ value });
      },
      (error: unknown) => {
        if (request.current === ticket) onError(toAppError(error));
      },
    );
  }

  function hide() {
    request.current++;
    setRevealed(null);
  }

  // A layout effect: the listeners are in place in the same commit that shows the value, so a
  // blur right after it appears cannot miss them (a passive effect may run a frame later).
  useLayoutEffect(() => {
    if (!revealed) return;
    const hideNow = () => {
      request.current++;
      setRevealed(null);
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === "hidden") hideNow();
    };
    const timer = window.setTimeout(hideNow, REVEAL_MS);
    window.addEventListener("blur", hideNow);
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("blur", hideNow);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [revealed]);

  // Nothing pending may land after the owner is gone.
  useEffect(() => {
    const pending = request;
    return () => {
      pending.current++;
    };
  }, []);

  return { value: revealed?.value ?? null, reveal, hide };
}
