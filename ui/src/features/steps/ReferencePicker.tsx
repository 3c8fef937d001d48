import { createPortal } from "react-dom";
import { LockIcon } from "../../components/LockIcon";
import type { CaretPoint } from "./caretPosition";
import { pickerPlacement } from "./pickerPlacement";
import type { PickerEntry } from "./referenceCatalog";

export type PickerTab = "variables" | "secrets";

export const TAB_LABELS: Record<PickerTab, string> = { variables: "Variables", secrets: "Secrets" };

type ReferencePickerProps = {
  listId: string;
  /** Where the `{` is on screen. */
  anchor: CaretPoint;
  tab: PickerTab;
  query: string;
  /** The entries of the shown tab, filtered. */
  entries: PickerEntry[];
  /** Index of the highlighted item; `entries.length` is Create Secret. */
  active: number;
  onTab: (tab: PickerTab) => void;
  onChoose: (index: number) => void;
};

/** The id of item `index` of the picker `listId` (for aria-activedescendant). */
export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * The `{` picker: two tabs, the matching names, and Create Secret at the bottom. Focus stays in
 * the field (it owns the keyboard); a mouse press here must not take it away.
 */
export function ReferencePicker({ listId, anchor, tab, query, entries, active, onTab, onChoose }: ReferencePickerProps) {
  const empty = tab === "variables" ? "No variables" : "No secrets";
  return createPortal(
    <div
      className="ref-picker"
      data-testid="reference-picker"
      style={pickerPlacement(anchor, { width: window.innerWidth, height: window.innerHeight })}
      onMouseDown={(event) => event.preventDefault()}
    >
      <div className="ref-picker-tabs" role="tablist" aria-label="Insert a reference">
        {(["variables", "secrets"] as const).map((each) => (
          <button
            key={each}
            type="button"
            role="tab"
            tabIndex={-1}
            aria-selected={tab === each}
            className="ref-picker-tab"
            onClick={() => onTab(each)}
          >
            {TAB_LABELS[each]}
          </button>
        ))}
      </div>
      <ul className="ref-picker-list" role="listbox" id={listId} aria-label={TAB_LABELS[tab]}>
        {entries.length === 0 && (
          <li className="ref-picker-empty muted" role="presentation">
            {query ? `${empty} match “${query}”` : `${empty} in this project yet`}
          </li>
        )}
        {entries.map((entry, index) => (
          <li
            key={entry.name}
            id={optionId(listId, index)}
            role="option"
            aria-selected={index === active}
            data-name={entry.name}
            className="ref-picker-option"
            onClick={() => onChoose(index)}
          >
            <span className="ref-picker-name mono">{entry.name}</span>
            <span className="ref-picker-detail">
              {entry.kind === "secret" && entry.restricted && <LockIcon />}
              {entry.detail}
            </span>
          </li>
        ))}
        <li
          id={optionId(listId, entries.length)}
          role="option"
          aria-selected={active === entries.length}
          className="ref-picker-option ref-picker-create"
          onClick={() => onChoose(entries.length)}
        >
          Create Secret
        </li>
      </ul>
    </div>,
    document.body,
  );
}
