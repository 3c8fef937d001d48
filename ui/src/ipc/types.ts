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
