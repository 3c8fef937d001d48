import { EmptyState } from "../../components/EmptyState";

type SecretsEmptyStateProps = { onNewSecret: () => void };

/** Shown when the project has no secrets yet: what they are for, and how to start. */
export function SecretsEmptyState({ onNewSecret }: SecretsEmptyStateProps) {
  return (
    <EmptyState title="No secrets yet" titleIsHeading actionLabel="New Secret" onAction={onNewSecret} testId="secrets-empty">
      Secrets are the API keys, passwords and tokens your agent's Function and API steps use as{" "}
      <code className="mono">{"{NAME}"}</code>. Their values are encrypted on this computer, and each environment can
      have its own.
    </EmptyState>
  );
}
