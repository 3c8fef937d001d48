import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { toAppError } from "./appError";
import * as commands from "./commands";
import type { AppError } from "./types";

describe("command wrappers", () => {
  it("call each command with camelCase arguments", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });

    const input = { name: "N", value: "v", visibility: "masked" as const };
    const update = { value: null, visibility: "restricted" as const };
    await commands.vaultStatus();
    await commands.recoveryKeyShow();
    await commands.recoveryKeyConfirm();
    await commands.recoveryRestore("RK");
    await commands.projectList();
    await commands.environmentList("p");
    await commands.secretList("p");
    await commands.secretCreate("p", input);
    await commands.secretUpdate("p", "s", update);
    await commands.secretDelete("p", "s");
    await commands.secretReveal("p", "s", "e");
    await commands.secretCopy("p", "s", "e");
    await commands.settingsGet();

    expect(calls).toEqual([
      ["vault_status", {}],
      ["recovery_key_show", {}],
      ["recovery_key_confirm", {}],
      ["recovery_restore", { recoveryKey: "RK" }],
      ["project_list", {}],
      ["environment_list", { projectId: "p" }],
      ["secret_list", { projectId: "p" }],
      ["secret_create", { projectId: "p", input }],
      ["secret_update", { projectId: "p", secretId: "s", input: update }],
      ["secret_delete", { projectId: "p", secretId: "s" }],
      ["secret_reveal", { projectId: "p", secretId: "s", environmentId: "e" }],
      ["secret_copy", { projectId: "p", secretId: "s", environmentId: "e" }],
      ["settings_get", {}],
    ]);
  });

  it("reject with the back end's AppError", async () => {
    const error: AppError = { code: "conflict", message: "Taken", field: "name" };
    mockIPC(() => {
      throw error;
    });
    await expect(commands.secretCreate("p", { name: "N", value: "", visibility: "masked" })).rejects.toEqual(error);
  });
});

describe("toAppError", () => {
  it("keeps a well-formed AppError", () => {
    expect(toAppError({ code: "invalid", message: "Bad", field: "value" })).toEqual({
      code: "invalid",
      message: "Bad",
      field: "value",
    });
    expect(toAppError({ code: "locked", message: "Locked" })).toEqual({ code: "locked", message: "Locked", field: null });
  });

  it("wraps anything else as an internal error with a readable message", () => {
    expect(toAppError("command secret_nope not found")).toEqual({
      code: "internal",
      message: "command secret_nope not found",
      field: null,
    });
    expect(toAppError(new Error("boom")).message).toBe("boom");
    expect(toAppError({ code: "made_up", message: "x" }).code).toBe("internal");
    expect(toAppError(undefined).message).toMatch(/went wrong/);
  });
});
