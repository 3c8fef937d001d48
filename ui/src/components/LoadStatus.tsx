import type { AppError } from "../ipc/types";

type LoadStatusProps = {
  /** What is loading, as in "Loading secrets…". */
  what: string;
  error: AppError | null;
  onRetry: () => void;
};

/** In place of a page's content until it has loaded: "Loading …", or why not, with Try again. */
export function LoadStatus({ what, error, onRetry }: LoadStatusProps) {
  if (!error) return <p className="page-status muted">Loading {what}…</p>;
  return (
    <div className="empty-state" role="alert">
      <p className="empty-state-text">
        Could not load {what}: {error.message}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
