type NoMatchesProps = { onClear: () => void };

/** Shown when the search or the "Needs value" filter hides every secret. */
export function NoMatches({ onClear }: NoMatchesProps) {
  return (
    <div className="empty-state">
      <p className="empty-state-text">No secrets match your search and filters.</p>
      <button type="button" className="button" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
