import type { Ref } from "react";
import { Select } from "../../components/forms/Select";
import { ScanForLeaksButton } from "../scan/ScanForLeaksButton";
import type { SecretListQuery, SecretSort } from "./secretListView";

const SORTS: { value: SecretSort; label: string }[] = [
  { value: "name", label: "Name" },
  { value: "updated", label: "Last updated" },
];

type SecretsToolbarProps = {
  projectId: string;
  searchRef: Ref<HTMLInputElement>;
  query: SecretListQuery;
  onQueryChange: (change: Partial<SecretListQuery>) => void;
  needsValueCount: number;
};

/** Search by name, sort, the "Needs value" filter, and "Scan for leaks". */
export function SecretsToolbar({
  projectId,
  searchRef,
  query,
  onQueryChange,
  needsValueCount,
}: SecretsToolbarProps) {
  const { search, sort, needsValueOnly } = query;
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
        onChange={(event) => onQueryChange({ search: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === "Escape" && search !== "") {
            event.preventDefault();
            onQueryChange({ search: "" });
          }
        }}
      />
      <label className="secrets-sort">
        <span className="muted">Sort by</span>
        <Select value={sort} options={SORTS} onChange={(next) => onQueryChange({ sort: next })} />
      </label>
      <button
        type="button"
        className={needsValueOnly ? "button filter-toggle is-on" : "button filter-toggle"}
        aria-pressed={needsValueOnly}
        onClick={() => onQueryChange({ needsValueOnly: !needsValueOnly })}
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
