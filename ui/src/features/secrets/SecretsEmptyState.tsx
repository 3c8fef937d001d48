type SecretsEmptyStateProps = { onNewSecret: () => void };

/** Shown when the project has no secrets yet: what they are for, and how to start. */
export function SecretsEmptyState({ onNewSecret }: SecretsEmptyStateProps) {
  return (
    <div className="empty-state" data-testid="secrets-empty">
      <h2 className="empty-state-title">No secrets yet</h2>
      <p className="empty-state-text">
        Secrets are the API keys, passwords and tokens your agent's Function and API steps use as{" "}
        <code className="mono">{"{NAME}"}</code>. Their values are encrypted on this computer, and each environment
        can have its own.
      </p>
      <button type="button" className="button button-primary" onClick={onNewSecret}>
        New Secret
      </button>
    </div>
  );
}
