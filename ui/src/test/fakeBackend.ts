// An in-memory stand-in for the Rust back end, installed with mockIPC.
// It records every call so tests can check the exact payloads the UI sends.
import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  AppError,
  CopyReceipt,
  Environment,
  NewSecret,
  OverrideEdit,
  ProjectSummary,
  SecretRow,
  SecretUpdate,
  VaultStatus,
} from "../ipc/types";

export type Call = { cmd: string; args: Record<string, unknown> };

export type FakeSecret = SecretRow & {
  /** Default value and per-environment overrides; the fake resolves like the core does. */
  values: { default: string | null } & Record<string, string | null>;
};

type Handler = (args: Record<string, unknown>) => unknown;

export type FakeBackend = {
  calls: Call[];
  status: VaultStatus;
  project: ProjectSummary;
  /** Projects other than the current one (`project`). */
  otherProjects: ProjectSummary[];
  environments: Environment[];
  secrets: FakeSecret[];
  recoveryKey: string;
  clipboardClearSeconds: number;
  /** Replace one command's behaviour (throw an AppError to reject). */
  override: (cmd: string, handler: Handler) => void;
  callsTo: (cmd: string) => Call[];
};

export const PROJECT_ID = "p-1";
export const DEV = "env-dev";
export const PROD = "env-prod";

export function appError(code: AppError["code"], message: string, field: AppError["field"] = null): AppError {
  return { code, message, field };
}

let nextId = 100;

export function fakeSecret(
  name: string,
  options: Partial<Pick<SecretRow, "visibility" | "updatedAt" | "overriddenIn" | "missingIn" | "pendingDefault" | "pendingIn">> & {
    value?: string | null;
    overrides?: Record<string, string>;
  } = {},
): FakeSecret {
  const value = options.value === undefined ? `${name.toLowerCase()}-value` : options.value;
  const overrides = options.overrides ?? {};
  return {
    id: `s-${nextId++}`,
    name,
    visibility: options.visibility ?? "masked",
    hasDefault: value !== null,
    overriddenIn: options.overriddenIn ?? Object.keys(overrides),
    missingIn: options.missingIn ?? (value === null ? [DEV, PROD].filter((env) => !(env in overrides)) : []),
    pendingDefault: options.pendingDefault ?? false,
    pendingIn: options.pendingIn ?? [],
    updatedAt: options.updatedAt ?? Date.now() - 120_000,
    values: { default: value, ...overrides },
  };
}

function row(secret: FakeSecret): SecretRow {
  const { values: _values, ...rest } = secret;
  return rest;
}

/** Step and variable commands before `installFakeSteps` replaces them. */
function noSteps(): never {
  throw appError("not_found", "This fake back end has no steps or variables: use installFakeSteps");
}

export function installFakeBackend(
  setup: Partial<Pick<FakeBackend, "status" | "secrets" | "environments" | "recoveryKey" | "clipboardClearSeconds">> = {},
): FakeBackend {
  const overrides = new Map<string, Handler>();
  const backend: FakeBackend = {
    calls: [],
    status: setup.status ?? { vaultId: "v-1", dataDir: "/tmp/vault", lock: null, recoveryKeyPending: false },
    project: { id: PROJECT_ID, name: "Support Agent", secretCount: 0, updatedAt: Date.now() },
    otherProjects: [],
    environments: setup.environments ?? [
      { id: DEV, name: "Development", kind: "development" },
      { id: PROD, name: "Production", kind: "production" },
    ],
    secrets: setup.secrets ?? [],
    recoveryKey: setup.recoveryKey ?? "AS1-ABCD-EFGH-IJKL-MNOP-QRST-UVWX",
    clipboardClearSeconds: setup.clipboardClearSeconds ?? 30,
    override: (cmd, handler) => overrides.set(cmd, handler),
    callsTo: (cmd) => backend.calls.filter((call) => call.cmd === cmd),
  };

  const find = (id: unknown): FakeSecret => {
    const secret = backend.secrets.find((candidate) => candidate.id === id);
    if (!secret) throw appError("not_found", "No such secret");
    return secret;
  };

  const environment = (id: unknown): Environment => {
    const found = backend.environments.find((candidate) => candidate.id === id);
    if (!found) throw appError("not_found", "No such environment");
    return found;
  };
  const checkEnvironmentName = (name: unknown, except?: string): string => {
    const trimmed = String(name).trim();
    if (!trimmed) throw appError("invalid", "An environment name is required", "name");
    const taken = backend.environments.find(
      (candidate) => candidate.name.toLowerCase() === trimmed.toLowerCase() && candidate.id !== except,
    );
    if (taken) throw appError("conflict", `This project already has an environment named "${trimmed}"`, "name");
    return trimmed;
  };
  const refuseBuiltin = (found: Environment, action: string) => {
    if (found.kind !== "custom") throw appError("invalid", `${found.name} is built in and cannot be ${action}`, "name");
  };
  /** overriddenIn and missingIn from the values, as the core computes them. */
  const recompute = (secret: FakeSecret) => {
    const ids = backend.environments.map((env) => env.id);
    secret.overriddenIn = ids.filter((id) => typeof secret.values[id] === "string");
    secret.missingIn = ids.filter((id) => typeof secret.values[id] !== "string" && secret.values.default === null);
  };

  const handlers: Record<string, Handler> = {
    vault_status: () => backend.status,
    recovery_key_show: () => backend.recoveryKey,
    recovery_key_confirm: () => {
      backend.status = { ...backend.status, recoveryKeyPending: false };
      return backend.status;
    },
    recovery_restore: ({ recoveryKey }) => {
      if (recoveryKey !== backend.recoveryKey) {
        throw appError("invalid", "That recovery key does not open this vault.", "recovery_key");
      }
      backend.status = { ...backend.status, lock: null };
      return backend.status;
    },
    project_list: () =>
      [{ ...backend.project, secretCount: backend.secrets.length }, ...backend.otherProjects].sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    environment_list: () => backend.environments,
    environment_create: ({ name }) => {
      const created: Environment = { id: `env-${nextId++}`, name: checkEnvironmentName(name), kind: "custom" };
      backend.environments = [...backend.environments, created];
      backend.secrets.forEach(recompute);
      return created;
    },
    environment_rename: ({ environmentId, name }) => {
      const found = environment(environmentId);
      refuseBuiltin(found, "renamed");
      const renamed = { ...found, name: checkEnvironmentName(name, found.id) };
      backend.environments = backend.environments.map((env) => (env.id === found.id ? renamed : env));
      return renamed;
    },
    environment_delete: ({ environmentId }) => {
      const found = environment(environmentId);
      refuseBuiltin(found, "deleted");
      backend.environments = backend.environments.filter((env) => env.id !== found.id);
      for (const secret of backend.secrets) {
        delete secret.values[found.id];
        recompute(secret);
      }
      return null;
    },
    overrides_save: ({ environmentId, edits }) => {
      const found = environment(environmentId);
      const batch = edits as OverrideEdit[];
      // All or nothing: check every edit before changing anything.
      const targets = batch.map((edit) => find(edit.secretId));
      batch.forEach((edit, index) => {
        const secret = targets[index] as FakeSecret;
        if ("remove" in edit) delete secret.values[found.id];
        else secret.values[found.id] = edit.value;
        secret.updatedAt = Date.now();
        recompute(secret);
      });
      return backend.secrets.map(row);
    },
    secret_list: () => backend.secrets.map(row),
    secret_create: ({ input }) => {
      const { name, value, visibility } = input as NewSecret;
      if (backend.secrets.some((secret) => secret.name === name)) {
        throw appError("conflict", `A secret named ${name} already exists`, "name");
      }
      const created = fakeSecret(name, { value, visibility, updatedAt: Date.now() });
      backend.secrets.push(created);
      return row(created);
    },
    secret_update: ({ secretId, input }) => {
      const secret = find(secretId);
      const update = input as SecretUpdate;
      if (update.value !== null) secret.values.default = update.value;
      if (update.visibility !== null) secret.visibility = update.visibility;
      secret.updatedAt = Date.now();
      return row(secret);
    },
    secret_delete: ({ secretId }) => {
      find(secretId);
      backend.secrets = backend.secrets.filter((secret) => secret.id !== secretId);
      return null;
    },
    secret_reveal: ({ secretId, environmentId }) => {
      const secret = find(secretId);
      if (secret.visibility === "restricted") throw appError("restricted", "Restricted values are never revealed");
      const value = secret.values[environmentId as string] ?? secret.values.default;
      if (value === null || value === undefined) throw appError("not_found", "No value in this environment");
      return value;
    },
    secret_copy: ({ secretId }): CopyReceipt => {
      const secret = find(secretId);
      if (secret.visibility === "restricted") throw appError("restricted", "Restricted secrets cannot be copied");
      return { secretName: secret.name, clearAfterSeconds: backend.clipboardClearSeconds };
    },
    settings_get: () => ({ clipboardClearSeconds: backend.clipboardClearSeconds }),
    // Projects and transfer. `backend.project` is the current project; the others wait in
    // `otherProjects`. Dialog-driven commands answer null (cancelled) unless a test overrides them.
    project_current: () => ({ ...backend.project, secretCount: backend.secrets.length }),
    project_select: ({ projectId }) => {
      if (projectId === backend.project.id) return backend.project;
      const chosen = backend.otherProjects.find((project) => project.id === projectId);
      if (!chosen) throw appError("not_found", "No such project");
      backend.otherProjects = [...backend.otherProjects.filter((p) => p !== chosen), backend.project];
      backend.project = chosen;
      return chosen;
    },
    project_create: ({ name }) => {
      const trimmed = String(name).trim();
      if (trimmed === "") throw appError("invalid", "a project name is required", "name");
      const all = [backend.project, ...backend.otherProjects];
      if (all.some((p) => p.name.toLowerCase() === trimmed.toLowerCase())) {
        throw appError("conflict", `a project named "${trimmed}" already exists`, "name");
      }
      const created = { id: `p-${nextId++}`, name: trimmed, secretCount: 0, updatedAt: Date.now() };
      backend.otherProjects = [...backend.otherProjects, created];
      return created;
    },
    project_rename: ({ projectId, name }) => {
      const all = [backend.project, ...backend.otherProjects];
      const target = all.find((p) => p.id === projectId);
      if (!target) throw appError("not_found", "No such project");
      target.name = String(name).trim();
      return target;
    },
    project_delete: ({ projectId }) => {
      if (projectId === backend.project.id) {
        backend.project = backend.otherProjects.shift() ?? {
          id: `p-${nextId++}`,
          name: "My Agent",
          secretCount: 0,
          updatedAt: Date.now(),
        };
      } else {
        backend.otherProjects = backend.otherProjects.filter((p) => p.id !== projectId);
      }
      return null;
    },
    project_duplicate: () => {
      const copy = { id: `p-${nextId++}`, name: `${backend.project.name} (copy)`, secretCount: 0, updatedAt: Date.now() };
      backend.otherProjects = [...backend.otherProjects, copy];
      return { project: copy, needsValues: 0, pendingValues: 0 };
    },
    project_export: () => null,
    project_import: () => null,
    export_dotenv_example: () => null,
    dotenv_preview: () => null,
    dotenv_import: () => ({ created: 0, updated: 0 }),
    dotenv_cancel: () => null,
    // Leak scan: idle until a test installs a scan (features/scan/testing.ts).
    scan_status: () => ({ folder: null, running: false, progress: { files: 0, blobs: 0, bytes: 0, findings: 0 }, report: null, error: null }),
    scan_choose_folder: () => null,
    scan_start: () => ({ folder: null, running: true, progress: { files: 0, blobs: 0, bytes: 0, findings: 0 }, report: null, error: null }),
    scan_open_folder: () => null,
    pending_value_list: () =>
      backend.secrets.flatMap((secret) => [
        ...(secret.pendingDefault ? [null] : []),
        ...secret.pendingIn,
      ].map((environmentId) => ({
        secretId: secret.id,
        secretName: secret.name,
        visibility: secret.visibility,
        environmentId,
        environmentName:
          environmentId === null ? null : (backend.environments.find((e) => e.id === environmentId)?.name ?? null),
      }))),
    pending_value_set: ({ secretId, environmentId, value }) => {
      const secret = find(secretId);
      if (environmentId === null || environmentId === undefined) {
        secret.values.default = value as string;
        secret.hasDefault = true;
        secret.pendingDefault = false;
        secret.missingIn = [];
      } else {
        secret.values[environmentId as string] = value as string;
        secret.pendingIn = secret.pendingIn.filter((env) => env !== environmentId);
        secret.overriddenIn = [...secret.overriddenIn, environmentId as string];
        secret.missingIn = secret.missingIn.filter((env) => env !== environmentId);
      }
      secret.updatedAt = Date.now();
      return row(secret);
    },
    // Steps and variables: none here; features/steps/testing.ts (installFakeSteps) adds them.
    step_list: () => [],
    step_create: noSteps,
    step_update: noSteps,
    step_rename: noSteps,
    step_delete: noSteps,
    step_preview: noSteps,
    step_send: noSteps,
    variable_list: () => [],
    variable_set: noSteps,
    variable_delete: noSteps,
  };

  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    backend.calls.push({ cmd, args });
    const handler = overrides.get(cmd) ?? handlers[cmd];
    if (!handler) throw appError("internal", `Unknown command ${cmd}`);
    return handler(args);
  });

  return backend;
}
