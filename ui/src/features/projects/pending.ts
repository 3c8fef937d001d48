import type { SecretRow } from "../../ipc/types";

/** The secret came from an import or a duplicate and still waits for some of its values. */
export function hasPendingValues(secret: SecretRow): boolean {
  return secret.pendingDefault || secret.pendingIn.length > 0;
}

export function pendingSecretCount(secrets: readonly SecretRow[]): number {
  return secrets.filter(hasPendingValues).length;
}

export function secretsNeedValues(count: number): string {
  return count === 1 ? "1 secret needs values" : `${count} secrets need values`;
}
