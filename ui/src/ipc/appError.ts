import { ERROR_CODES } from "./types";
import type { AppError } from "./types";

function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === "string" &&
    (ERROR_CODES as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === "string"
  );
}

/** Turns whatever a rejected command (or a bug) produced into an AppError the UI can show. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) {
    return { code: value.code, message: value.message, field: value.field ?? null };
  }
  if (typeof value === "string" && value.length > 0) {
    return { code: "internal", message: value, field: null };
  }
  if (value instanceof Error) {
    return { code: "internal", message: value.message, field: null };
  }
  return { code: "internal", message: "Something went wrong. Please try again.", field: null };
}
