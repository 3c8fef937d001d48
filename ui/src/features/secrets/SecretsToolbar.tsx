import type { Ref } from "react";
import { ScanForLeaksButton } from "../scan/ScanForLeaksButton";
import type { SecretSort } from "./secretListView";

type SecretsToolbarProps = {
  projectId: string;
  searchRef: Ref<HTMLInputElement>;
  search: string;
  onSearchChange: (search: string) => void;
  sort: SecretSort;
  onSortChange: (sort: SecretSort) => void;
  needsValueOnly: boolean;
  onNeedsValueOnlyChange: (needsValueOnly: boolean) => void;
  needsValueCount: number;
};

/** Search by name, sort, the "Needs value" filter, and "Scan for leaks". */
export function SecretsToolbar({
  projectId,
  searchRef,
  search,
  onSearchChange,
  sort,
  onSortChange,
  needsValueOnly,
  onNeedsValueOnlyChange,
  needsValueCount,
}: SecretsToolbarProps) {
  return (
    <div className="secrets-toolbar">
      <input
        ref={searchRef}
        className="input secrets-search"
        type="search"
        placeholder="Search secrets"
        aria-label="Search secrets"
        aria-keyshortcuts="/ Control+F Meta+F"
        autoComplete="off"
        spellCheck={false}
        value={search}
        onChange={(event) => onSearchChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && search !== "") {
            event.preventDefault();
            onSearchChange("");
          }
        }}
      />
      <label className="secrets-sort">
        <span className="muted">Sort by</span>
        <select
          className="select"
          value={sort}
          onChange={(event) => onSortChange(event.target.value === "updated" ? "updated" : "name")}
        >
          <option value="name">Name</option>
          <option value="updated">Last updated</option>
        </select>
      </label>
      <button
        type="button"
        className={needsValueOnly ? "button filter-toggle is-on" : "button filter-toggle"}
        aria-pressed={needsValueOnly}
        onClick={() => onNeedsValueOnlyChange(!needsValueOnly)}
      >
        Needs value
        <span className="filter-count">
          {needsValueCount}
        </span>
      </button>
      <span className="secrets-toolbar-end">
        <ScanForLeaksButton projectId={projectId} />
      </span>
    </div>
  );
}
