import type { FormErrors } from "../../components/forms/formErrors";
import { LIMITS } from "../../ipc/limits";

/** Mirrors the core's rule for instant feedback; the back end stays the authority. */
// Names are ASCII, so the core's byte limit is a character limit here.
export const SECRET_NAME_PATTERN = new RegExp(`^[A-Za-z_][A-Za-z0-9_]{0,${LIMITS.nameMaxBytes - 1}}$`);

/** Why `name` is not a valid secret name, or null when it is. */
export function secretNameProblem(name: string): string | null {
  if (name.length === 0) return "Enter a name.";
  if (name.length > LIMITS.nameMaxBytes) return `Use at most ${LIMITS.nameMaxBytes} characters.`;
  if (/^[0-9]/.test(name)) return "Start with a letter or an underscore.";
  if (!SECRET_NAME_PATTERN.test(name)) return "Use only letters, digits and underscores (for example DB_PASSWORD).";
  return null;
}

/** The same, as a form's errors (null when the name is valid). */
export function secretNameErrors(name: string): FormErrors | null {
  const problem = secretNameProblem(name);
  return problem ? { name: problem } : null;
}
