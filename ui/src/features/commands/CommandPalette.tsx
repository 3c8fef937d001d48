import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Dialog } from "../../components/Dialog";
import { matchEntries, type PaletteEntry } from "./paletteEntries";

type CommandPaletteProps = {
  entries: readonly PaletteEntry[];
  /** True while the project's secrets and steps are still being fetched. */
  loading: boolean;
  onClose: () => void;
};

/**
 * Ctrl/Cmd+K: a modal with a combobox over a listbox. Focus stays in the field; ↑/↓ move the
 * highlighted entry, Enter runs it, Escape closes.
 */
export function CommandPalette({ entries, loading, onClose }: CommandPaletteProps) {
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchEntries(entries, query), [entries, query]);
  const activeIndex = Math.min(active, matches.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  function run(entry: PaletteEntry | undefined) {
    if (!entry) return;
    onClose();
    entry.run();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = matches.length;
    if (event.key === "ArrowDown" && count > 0) setActive((activeIndex + 1) % count);
    else if (event.key === "ArrowUp" && count > 0) setActive((activeIndex - 1 + count) % count);
    else if (event.key === "Home") setActive(0);
    else if (event.key === "End") setActive(Math.max(0, count - 1));
    else if (event.key === "Enter") run(matches[activeIndex]);
    else return;
    event.preventDefault();
  }

  return (
    <Dialog title="Command palette" onClose={onClose} initialFocusRef={inputRef} className="command-palette">
      <input
        ref={inputRef}
        className="input"
        type="text"
        role="combobox"
        aria-label="Go to or run"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        placeholder="Go to a secret, step or page, or run an action"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="command-palette-list" role="listbox" id={listId} aria-label="Results" data-testid="command-palette">
        {matches.map((entry, index) => (
          <li
            key={entry.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className="command-palette-option"
            // The field keeps the focus; a click only picks.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => setActive(index)}
            onClick={() => run(entry)}
          >
            <span className={entry.group === "Secret" || entry.group === "Step" ? "mono" : undefined}>
              {entry.label}
            </span>
            <span className="command-palette-group">{entry.group}</span>
          </li>
        ))}
      </ul>
      {matches.length === 0 && (
        <p className="muted" role="status">
          {loading ? "Loading…" : `Nothing matches “${query}”`}
        </p>
      )}
    </Dialog>
  );
}
