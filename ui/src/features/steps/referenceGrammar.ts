// The `{NAME}` reference grammar, mirrored from the core (src-tauri/crates/core/src/reference.rs)
// for highlighting while the user types. The core stays the authority: it resolves, and its
// preview reports what does not. The cases in referenceGrammar.test.ts are the core's.
//
// `{NAME}` with NAME = [A-Za-z_][A-Za-z0-9_]* of at most LIMITS.nameMaxBytes characters (names
// are ASCII) is a reference; `\{` is a literal `{`; any other `{` (a JSON body `{"a":1}`, `{ x }`,
// `{}`) is literal text.

import { LIMITS } from "../../ipc/limits";

export const MAX_NAME_LENGTH = LIMITS.nameMaxBytes;

export type Token =
  /** Literal text, as typed (an escaping backslash included). */
  | { kind: "text"; text: string; start: number }
  /** `{NAME}`: `start`/`end` cover the braces. */
  | { kind: "reference"; name: string; text: string; start: number; end: number };

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Length of the name at `from`, or 0 when there is none (or one longer than allowed). */
function nameLength(source: string, from: number): number {
  const first = source[from];
  if (first === undefined || !NAME_START.test(first)) return 0;
  let length = 0;
  while (length <= MAX_NAME_LENGTH) {
    const char = source[from + length];
    if (char === undefined || !NAME_CHAR.test(char)) break;
    length += 1;
  }
  return length > MAX_NAME_LENGTH ? 0 : length;
}

/** Splits `source` into literal text and references, covering it whole (for highlighting). */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let literalStart = 0;
  let cursor = 0;
  const pushText = (end: number) => {
    if (end > literalStart) tokens.push({ kind: "text", text: source.slice(literalStart, end), start: literalStart });
  };
  for (;;) {
    const brace = source.indexOf("{", cursor);
    if (brace < 0) break;
    cursor = brace + 1;
    // `\{`: an escaped brace, literal (the core drops the backslash when rendering).
    if (brace > 0 && source[brace - 1] === "\\") continue;
    const length = nameLength(source, brace + 1);
    if (length > 0 && source[brace + 1 + length] === "}") {
      pushText(brace);
      const end = brace + length + 2;
      tokens.push({ kind: "reference", name: source.slice(brace + 1, end - 1), text: source.slice(brace, end), start: brace, end });
      literalStart = end;
      cursor = end;
    }
  }
  pushText(source.length);
  return tokens;
}

/** The distinct names `source` refers to, in order of first appearance. */
export function referencedNames(source: string): string[] {
  const names: string[] = [];
  for (const token of tokenize(source)) {
    if (token.kind === "reference" && !names.includes(token.name)) names.push(token.name);
  }
  return names;
}

/**
 * While the user is typing a reference: the `{` that opened it and what follows it up to the
 * caret, when that is still a name being typed. `null` otherwise (no picker).
 */
export function openReferenceAt(source: string, caret: number, openedAt: number): { start: number; query: string } | null {
  if (openedAt < 0 || openedAt >= caret || source[openedAt] !== "{") return null;
  const query = source.slice(openedAt + 1, caret);
  if (query.length > MAX_NAME_LENGTH || !/^[A-Za-z0-9_]*$/.test(query)) return null;
  return { start: openedAt, query };
}

/** Whether a `{` just typed at `index` opens a reference (it is not escaped by a `\`). */
export function opensReference(source: string, index: number): boolean {
  return source[index] === "{" && !(index > 0 && source[index - 1] === "\\");
}

/** `source` with `source[start, end)` replaced by `{name}`, and where the caret goes. */
export function insertReference(source: string, start: number, end: number, name: string): { text: string; caret: number } {
  const reference = `{${name}}`;
  // A `}` right after the caret (typed ahead, or auto-closed) is taken by the inserted reference.
  const after = source[end] === "}" ? end + 1 : end;
  return { text: source.slice(0, start) + reference + source.slice(after), caret: start + reference.length };
}
