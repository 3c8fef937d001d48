import type { FormErrors } from "../../components/forms/formErrors";

/** Mirrors the core's rule for instant feedback; the back end stays the authority. */
export const SECRET_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Why `name` is not a valid secret name, or null when it is. */
export function secretNameProblem(name: string): string | null {
  if (name.length === 0) return "Enter a name.";
  if (name.length > 128) return "Use at most 128 characters.";
  if (/^[0-9]/.test(name)) return "Start with a letter or an underscore.";
  if (!SECRET_NAME_PATTERN.test(name)) return "Use only letters, digits and underscores (for example DB_PASSWORD).";
  return null;
}

/** The same, as a form's errors (null when the name is valid). */
export function secretNameErrors(name: string): FormErrors | null {
  const problem = secretNameProblem(name);
  return problem ? { name: problem } : null;
}
