// Data shapes exchanged with the Rust back end.
// This file will be regenerated from Rust (ts-rs); keep exactly these names and shapes.

export type Visibility = "masked" | "restricted";

export type EnvironmentKind = "development" | "production" | "custom";

export type ErrorCode = "not_found" | "conflict" | "invalid" | "restricted" | "locked" | "keyring_unavailable" | "corrupt" | "io" | "clipboard" | "internal";

export type ErrorField = "name" | "value" | "visibility" | "recovery_key";

export type AppError = { code: ErrorCode, message: string, field: ErrorField | null, };

export type LockInfo = { code: "key_missing" | "key_mismatch" | "keyring_unavailable", message: string, };

export type VaultStatus = { vaultId: string, dataDir: string, lock: LockInfo | null, recoveryKeyPending: boolean, };

export type ProjectSummary = { id: string, name: string, secretCount: number, updatedAt: number, };

export type Environment = { id: string, name: string, kind: EnvironmentKind, };

export type SecretRow = { id: string, name: string, visibility: Visibility, hasDefault: boolean, overriddenIn: Array<string>, missingIn: Array<string>, updatedAt: number, };

export type NewSecret = { name: string, value: string, visibility: Visibility, };

export type SecretUpdate = { value: string | null, visibility: Visibility | null, };

export type CopyReceipt = { secretName: string, clearAfterSeconds: number, };

export type Settings = { clipboardClearSeconds: number, };
