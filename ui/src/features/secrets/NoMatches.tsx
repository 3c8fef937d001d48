import { EmptyState } from "../../components/EmptyState";

type NoMatchesProps = { onClear: () => void };

/** Shown when the search or the "Needs value" filter hides every secret. */
export function NoMatches({ onClear }: NoMatchesProps) {
  return (
    <EmptyState actionLabel="Clear filters" onAction={onClear} primary={false}>
      No secrets match your search and filters.
    </EmptyState>
  );
}
