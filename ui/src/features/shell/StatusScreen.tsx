type StatusScreenProps = { title: string; message?: string; onRetry?: () => void };

/** A centred message for loading and for failures that stop the app from starting. */
export function StatusScreen({ title, message, onRetry }: StatusScreenProps) {
  return (
    <div className="status-screen" role={onRetry ? "alert" : "status"}>
      <h1 className="status-screen-title">{title}</h1>
      {message && <p className="status-screen-message">{message}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
