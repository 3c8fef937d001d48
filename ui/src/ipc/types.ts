// Data shapes exchanged with the Rust back end.
// GENERATED from the Rust types by ts-rs: do not edit by hand. To regenerate, run
//   UPDATE_BINDINGS=1 cargo test -p agent-secrets-desktop --test bindings

export type Visibility = "masked" | "restricted";

export type EnvironmentKind = "development" | "production" | "custom";

export type ErrorCode = "not_found" | "conflict" | "invalid" | "restricted" | "locked" | "keyring_unavailable" | "corrupt" | "io" | "clipboard" | "internal";

export type ErrorField = "name" | "value" | "visibility" | "recovery_key";

export type AppError = { code: ErrorCode, message: string, field: ErrorField | null, };

export type LockInfo = { code: "key_missing" | "key_mismatch" | "keyring_unavailable", message: string, };

export type VaultStatus = { vaultId: string, dataDir: string, lock: LockInfo | null, recoveryKeyPending: boolean, };

export type ProjectSummary = { id: string, name: string, secretCount: number,
/**
 * Unix milliseconds.
 */
updatedAt: number, };

export type Environment = { id: string, name: string, kind: EnvironmentKind, };

export type SecretRow = { id: string, name: string, visibility: Visibility, hasDefault: boolean,
/**
 * Environments with an override of their own.
 */
overriddenIn: string[],
/**
 * Environments where the value resolves to nothing (no override, no default).
 */
missingIn: string[],
/**
 * The source of an import or duplicate had a default value, still to be re-entered.
 */
pendingDefault: boolean,
/**
 * Environments where the source had an override, still to be re-entered.
 */
pendingIn: string[],
/**
 * Unix milliseconds.
 */
updatedAt: number, };

export type NewSecret = { name: string, value: string, visibility: Visibility, };

export type SecretUpdate = { value: string | null, visibility: Visibility | null, };

export type OverrideEdit = { secretId: string, value: string, } | { secretId: string, remove: true, };

export type CopyReceipt = { secretName: string, clearAfterSeconds: number, };

export type Settings = {
/**
 * Seconds after a copy before the clipboard is cleared (if it still holds the copy); 1–600.
 */
clipboardClearSeconds: number, };

export type ImportReport = { project: ProjectSummary,
/**
 * Secrets with at least one pending value ("N secrets need values").
 */
needsValues: number,
/**
 * Pending values in all: defaults plus environment overrides to re-enter.
 */
pendingValues: number, };

export type PendingValue = { secretId: string, secretName: string, visibility: Visibility,
/**
 * `null`: the default value.
 */
environmentId: string | null,
/**
 * `null` for the default value.
 */
environmentName: string | null, };

export type InvalidLine = { line: number, message: string, };

export type DotenvPreviewEntry = { line: number, name: string,
/**
 * The visibility of the existing secret whose default value this line replaces, or `null`
 * when the line creates a new secret (with the visibility chosen for the import).
 */
existing: Visibility | null, };

export type DotenvPreview = { entries: Array<DotenvPreviewEntry>,
/**
 * Lines that cannot be imported; while there is one, the import changes nothing.
 */
invalid: Array<InvalidLine>, };

export type DotenvSelection = { token: string, fileName: string, preview: DotenvPreview, };

export type DotenvImportReport = { created: number, updated: number, };

export type Variable = { name: string, value: string, };

export type StepKind = "function" | "api";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

export type StepField = { name: string, value: string, };

export type BodyKind = "none" | "raw" | "json";

export type StepBody = { kind: BodyKind, text: string, };

export type StepDefinition = { "kind": "function", code: string, inputs: Array<StepField>, } | { "kind": "api", method: HttpMethod, url: string, headers: Array<StepField>, query: Array<StepField>, body: StepBody, };

export type Step = { id: string, name: string, definition: StepDefinition,
/**
 * Unix milliseconds.
 */
updatedAt: number, };

export type PreviewSegment = { "type": "text", text: string, } | { "type": "variable", name: string, value: string, } | { "type": "secret", name: string, visibility: Visibility, secretId: string, } | { "type": "missing", name: string, secretId: string, } | { "type": "unknown", name: string, };

export type PreviewRow = { name: Array<PreviewSegment>, value: Array<PreviewSegment>, };

export type PreviewDefinition = { "kind": "function", code: Array<PreviewSegment>, inputs: Array<PreviewRow>, } | { "kind": "api", method: HttpMethod, url: Array<PreviewSegment>, headers: Array<PreviewRow>, query: Array<PreviewRow>, bodyKind: BodyKind, body: Array<PreviewSegment>, };

export type PreviewErrorCode = "unknown_name" | "missing_value" | "invalid_url" | "invalid_json";

export type PreviewError = {
/**
 * Which field, as the editor labels it ("URL", "Header 2 value").
 */
field: string, code: PreviewErrorCode,
/**
 * The reference's name, for the two reference errors.
 */
name: string | null, message: string, };

export type StepPreview = { environment: Environment, definition: PreviewDefinition,
/**
 * Every reference that would not resolve, in the order of the fields; empty when the step
 * can be used in this environment.
 */
errors: Array<PreviewError>, };

export type StepResponse = { status: number,
/**
 * The reason phrase the server sent, else the standard one for the status.
 */
statusText: string,
/**
 * In the order received.
 */
headers: Array<StepField>,
/**
 * The body as text (invalid UTF-8 shown as �).
 */
body: string,
/**
 * True when the body was longer than the 5 MiB kept.
 */
bodyTruncated: boolean, elapsedMs: number, };

export type Form = "plain" | "json" | "url" | "hex" | "base64" | "base64url";

export type Origin = "file" | "git_history" | "staged" | "agent";

export type Finding = { origin: Origin,
/**
 * The file as walked (relative to the scanned path when it was given relative), or the
 * path inside the commit for git history and staged content.
 */
path: string,
/**
 * Git history: the first commit (oldest) whose tree has this content at `path`.
 */
commit: string | null,
/**
 * 1-based line and byte column where the (encoded) value starts.
 */
line: number, column: number, project: string, secret: string,
/**
 * `default` (the default value) and/or the names of environments overriding it.
 */
environment: string, form: Form, };

export type UnsearchedValue = { project: string, secret: string, environment: string, };

export type ScanSummary = {
/**
 * Files and blobs skipped as binary (a NUL byte in the first 8000 bytes, as git decides).
 */
skippedBinary: number,
/**
 * Files that could not be read (permissions, vanished while walking).
 */
unreadable: number,
/**
 * Distinct values searched, and the byte strings searched for (every form of them).
 */
values: number, patterns: number,
/**
 * Values too short to search.
 */
unsearched: Array<UnsearchedValue>,
/**
 * More findings than are kept were found; the list stops at [`MAX_FINDINGS`].
 */
truncated: boolean, elapsedMs: number,
/**
 * Files read (folders and agent folders).
 */
files: number,
/**
 * Git blobs read (history or staged).
 */
blobs: number, bytes: number, };

export type ScanReport = { findings: Array<Finding>, summary: ScanSummary, };

export type ScanProgress = { findings: number,
/**
 * Files read (folders and agent folders).
 */
files: number,
/**
 * Git blobs read (history or staged).
 */
blobs: number, bytes: number, };

export type ScanStatus = { folder: string | null, running: boolean, progress: ScanProgress, report: ScanReport | null, error: AppError | null, };

/** Every ErrorCode, to recognise an AppError among rejected values. */
export const ERROR_CODES: readonly ErrorCode[] = ["not_found", "conflict", "invalid", "restricted", "locked", "keyring_unavailable", "corrupt", "io", "clipboard", "internal"];
