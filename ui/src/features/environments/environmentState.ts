import type { Environment, SecretRow } from "../../ipc/types";

/** A secret in one environment: its own value (an override), the default, or nothing. */
export type EnvironmentValueState = "set" | "default" | "missing";

export function valueState(secret: SecretRow, environmentId: string): EnvironmentValueState {
  if (secret.overriddenIn.includes(environmentId)) return "set";
  if (secret.missingIn.includes(environmentId)) return "missing";
  return "default";
}

/** What each kind of environment is for, as the Environments page says it. */
export function environmentDescription(environment: Environment): string {
  switch (environment.kind) {
    case "development":
      return "Used when building and testing";
    case "production":
      return "Used when published and live";
    default:
      return "Custom environment";
  }
}

export type EnvironmentCounts = { overrides: number; missing: number };

export function environmentCounts(secrets: readonly SecretRow[], environmentId: string): EnvironmentCounts {
  let overrides = 0;
  let missing = 0;
  for (const secret of secrets) {
    const state = valueState(secret, environmentId);
    if (state === "set") overrides++;
    else if (state === "missing") missing++;
  }
  return { overrides, missing };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
