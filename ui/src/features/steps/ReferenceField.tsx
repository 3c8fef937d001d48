import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { caretPoint, type CaretPoint } from "./caretPosition";
import {
  filterEntries,
  secretEntries,
  useReferenceCatalog,
  variableEntries,
  type PickerEntry,
} from "./referenceCatalog";
import { insertReference, openReferenceAt, opensReference, referencedNames, tokenize } from "./referenceGrammar";
import { optionId, ReferencePicker, type PickerTab } from "./ReferencePicker";
import "./references.css";

type ReferenceFieldProps = {
  value: string;
  onChange: (value: string) => void;
  /** The accessible name when no visible <label htmlFor={id}> names the field. */
  ariaLabel?: string;
  id?: string;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  /** Another element describing the field (an error under it). */
  describedBy?: string;
  invalid?: boolean;
  className?: string;
};

type Picker = {
  /** Index of the `{` that opened it. */
  start: number;
  query: string;
  /** The tab the user chose (the other one is shown while this one has no match). */
  tab: PickerTab;
  active: number;
  anchor: CaretPoint;
};

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * An input or textarea for text with `{NAME}` references. References are highlighted (a mirror
 * of the text behind the transparent field), an unknown name is underlined and explained, and
 * typing `{` opens the picker at the caret: Variables / Secrets tabs, filtered as one types,
 * ↑/↓ and Enter to choose, ←/→ to switch tabs, Escape to close (the `{` stays), and Create Secret
 * at the bottom.
 */
export function ReferenceField({
  value,
  onChange,
  ariaLabel,
  id,
  multiline = false,
  rows = 6,
  placeholder,
  describedBy,
  invalid,
  className,
}: ReferenceFieldProps) {
  const catalog = useReferenceCatalog();
  const fieldRef = useRef<Field | null>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const latestValue = useRef(value);
  const pendingCaret = useRef<number | null>(null);
  const [picker, setPicker] = useState<Picker | null>(null);
  const listId = useId();
  const noteId = useId();

  const kinds = useMemo(() => {
    const map = new Map<string, "variable" | "secret">();
    for (const variable of catalog.variables) map.set(variable.name, "variable");
    for (const secret of catalog.secrets) map.set(secret.name, "secret");
    return map;
  }, [catalog.variables, catalog.secrets]);
  const tokens = useMemo(() => tokenize(value), [value]);
  const unknown = useMemo(() => referencedNames(value).filter((name) => !kinds.has(name)), [value, kinds]);

  const lists = useMemo(
    () => ({ variables: variableEntries(catalog.variables), secrets: secretEntries(catalog.secrets) }),
    [catalog.variables, catalog.secrets],
  );
  let shownTab: PickerTab = picker?.tab ?? "variables";
  let entries: PickerEntry[] = [];
  if (picker) {
    entries = filterEntries(lists[shownTab], picker.query);
    const other: PickerTab = shownTab === "variables" ? "secrets" : "variables";
    const otherEntries = filterEntries(lists[other], picker.query);
    if (entries.length === 0 && otherEntries.length > 0 && picker.query !== "") {
      shownTab = other;
      entries = otherEntries;
    }
  }
  const itemCount = entries.length + 1;
  const active = picker ? Math.min(picker.active, itemCount - 1) : 0;

  useLayoutEffect(() => {
    latestValue.current = value;
    const field = fieldRef.current;
    if (field && pendingCaret.current !== null) {
      field.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
    syncScroll();
  });

  function syncScroll() {
    const field = fieldRef.current;
    const overlay = overlayRef.current;
    if (field && overlay) {
      overlay.scrollTop = field.scrollTop;
      overlay.scrollLeft = field.scrollLeft;
    }
  }

  function openPicker(field: Field, start: number, query: string, previous: Picker | null) {
    const firstTab: PickerTab = catalog.variables.length === 0 && catalog.secrets.length > 0 ? "secrets" : "variables";
    setPicker({
      start,
      query,
      tab: previous?.tab ?? firstTab,
      active: previous && previous.query === query ? previous.active : 0,
      anchor: previous?.anchor ?? caretPoint(field, start),
    });
  }

  /** Keeps the picker open while a name is being typed after its `{`; closes it otherwise. */
  function follow(field: Field, text: string) {
    if (!picker) return;
    const caret = field.selectionStart ?? text.length;
    const open = field.selectionEnd === caret ? openReferenceAt(text, caret, picker.start) : null;
    if (open) openPicker(field, open.start, open.query, picker);
    else setPicker(null);
  }

  function onInput(event: ChangeEvent<Field>) {
    const field = event.currentTarget;
    const next = field.value;
    const caret = field.selectionStart ?? next.length;
    const previous = latestValue.current;
    latestValue.current = next;
    onChange(next);
    // One `{` typed (not pasted inside a longer text) opens the picker.
    const typedBrace =
      next.length === previous.length + 1 &&
      caret > 0 &&
      next.slice(0, caret - 1) + next.slice(caret) === previous &&
      opensReference(next, caret - 1);
    if (typedBrace) openPicker(field, caret - 1, "", null);
    else follow(field, next);
  }

  function choose(index: number) {
    const field = fieldRef.current;
    if (!picker || !field) return;
    const end = field.selectionStart ?? picker.start + 1 + picker.query.length;
    const start = picker.start;
    setPicker(null);
    const entry = entries[index];
    if (entry) {
      insert(start, end, entry.name);
      return;
    }
    // Create Secret: the New Secret dialog, then its name goes where the `{` was.
    catalog.createSecret((name) => {
      insert(start, end, name);
      window.setTimeout(() => fieldRef.current?.focus(), 0);
    });
  }

  function insert(start: number, end: number, name: string) {
    const { text, caret } = insertReference(latestValue.current, start, end, name);
    latestValue.current = text;
    pendingCaret.current = caret;
    onChange(text);
  }

  function onKeyDown(event: KeyboardEvent<Field>) {
    if (!picker) return;
    const move = (delta: number) => {
      event.preventDefault();
      setPicker({ ...picker, active: (active + delta + itemCount) % itemCount });
    };
    switch (event.key) {
      case "ArrowDown":
        move(1);
        break;
      case "ArrowUp":
        move(-1);
        break;
      case "ArrowLeft":
      case "ArrowRight":
        event.preventDefault();
        setPicker({ ...picker, tab: shownTab === "variables" ? "secrets" : "variables", active: 0 });
        break;
      case "Enter":
      case "Tab":
        event.preventDefault();
        event.stopPropagation();
        choose(active);
        break;
      case "Escape":
        // Closes the picker only (not a dialog around the field); the `{` stays as typed.
        event.preventDefault();
        event.stopPropagation();
        setPicker(null);
        break;
    }
  }

  const describedByIds = [describedBy, unknown.length > 0 ? noteId : undefined].filter(Boolean).join(" ") || undefined;
  const unknownTitle =
    unknown.length > 0
      ? `Unknown ${unknown.length === 1 ? "reference" : "references"}: ${unknown.map((name) => `{${name}}`).join(", ")} — this project has no secret or variable with ${unknown.length === 1 ? "this name" : "these names"}`
      : undefined;

  const common = {
    id,
    value,
    placeholder,
    "aria-label": ariaLabel,
    "aria-describedby": describedByIds,
    "aria-invalid": invalid || unknown.length > 0 ? true : undefined,
    "aria-autocomplete": "list" as const,
    "aria-controls": picker ? listId : undefined,
    "aria-activedescendant": picker ? optionId(listId, active) : undefined,
    title: unknownTitle,
    autoComplete: "off",
    autoCorrect: "off",
    autoCapitalize: "off",
    spellCheck: false,
    onChange: onInput,
    onKeyDown,
    onScroll: syncScroll,
    onBlur: () => setPicker(null),
    onSelect: (event: React.SyntheticEvent<Field>) => follow(event.currentTarget, event.currentTarget.value),
  };
  const controlClass = multiline ? "textarea" : "input";

  return (
    <div className={`ref-field ${multiline ? "is-multiline" : "is-single"} ${className ?? ""}`}>
      <div className="ref-box">
        <div ref={overlayRef} className={`${controlClass} mono ref-overlay`} aria-hidden="true">
          {highlight(tokens, kinds)}
          {/* Keeps a final empty line as tall as the textarea's. */}
          {multiline ? "\n " : null}
        </div>
        {multiline ? (
          <textarea
            ref={(element) => {
              fieldRef.current = element;
            }}
            className={`${controlClass} mono ref-input`}
            rows={rows}
            {...common}
          />
        ) : (
          <input
            ref={(element) => {
              fieldRef.current = element;
            }}
            type="text"
            className={`${controlClass} mono ref-input`}
            // A one-line field with a popup list is a combobox, the role that allows
            // aria-expanded; a textarea stays a textbox (aria-controls says where the list is).
            role="combobox"
            aria-expanded={picker !== null}
            {...common}
          />
        )}
      </div>
      {unknown.length > 0 && (
        <p id={noteId} className="field-hint ref-unknown-note">
          {unknownTitle}
        </p>
      )}
      {picker && (
        <ReferencePicker
          listId={listId}
          anchor={picker.anchor}
          tab={shownTab}
          query={picker.query}
          entries={entries}
          active={active}
          onTab={(tab) => setPicker({ ...picker, tab, active: 0 })}
          onChoose={choose}
        />
      )}
    </div>
  );
}

function highlight(tokens: ReturnType<typeof tokenize>, kinds: Map<string, "variable" | "secret">): ReactNode[] {
  return tokens.map((token) => {
    if (token.kind === "text") return token.text;
    const kind = kinds.get(token.name);
    const className = kind === "secret" ? "ref-mark is-secret" : kind === "variable" ? "ref-mark is-variable" : "ref-mark is-unknown";
    return (
      <mark key={token.start} className={className} data-reference={token.name}>
        {token.text}
      </mark>
    );
  });
}
