import { describe, expect, it } from "vitest";
import { fakeSecret } from "../../test/fakeBackend";
import { exactTime, relativeTime } from "./relativeTime";
import { visibleSecrets } from "./secretListView";
import { SECRET_NAME_PATTERN, secretNameProblem } from "./secretName";

describe("secret name rule", () => {
  it.each(["A", "_", "DB_PASSWORD", "api_key_2", "x".repeat(128)])("accepts %s", (name) => {
    expect(secretNameProblem(name)).toBeNull();
    expect(SECRET_NAME_PATTERN.test(name)).toBe(true);
  });

  it.each(["", "1ABC", "HAS-DASH", "with space", "ÜMLAUT", "x".repeat(129), "A.B"])("rejects %j", (name) => {
    expect(secretNameProblem(name)).not.toBeNull();
  });
});

describe("relative time", () => {
  const now = Date.UTC(2030, 5, 1, 12, 0, 0);
  it.each([
    [10_000, "just now"],
    [50_000, "1 min ago"],
    [2 * 60_000 + 5_000, "2 min ago"],
    [59 * 60_000, "59 min ago"],
    [3 * 3_600_000, "3 h ago"],
    [26 * 3_600_000, "yesterday"],
    [5 * 86_400_000, "5 days ago"],
  ])("%i ms ago reads %s", (elapsed, text) => {
    expect(relativeTime(now - elapsed, now)).toBe(text);
  });

  it("falls back to a date for old changes and has an exact time", () => {
    const old = Date.UTC(2029, 0, 2, 12, 0, 0);
    expect(relativeTime(old, now)).toMatch(/2029/);
    expect(exactTime(old)).toMatch(/2029/);
  });
});

describe("visible secrets", () => {
  const rows = [
    fakeSecret("beta", { updatedAt: 3 }),
    fakeSecret("ALPHA", { updatedAt: 1, missingIn: ["e"] }),
    fakeSecret("Gamma_Key", { updatedAt: 2 }),
  ];

  it("sorts by name without regard to case, and by newest first", () => {
    expect(visibleSecrets(rows, { search: "", sort: "name", needsValueOnly: false }).map((r) => r.name)).toEqual([
      "ALPHA",
      "beta",
      "Gamma_Key",
    ]);
    expect(visibleSecrets(rows, { search: "", sort: "updated", needsValueOnly: false }).map((r) => r.name)).toEqual([
      "beta",
      "Gamma_Key",
      "ALPHA",
    ]);
  });

  it("searches names case-insensitively and filters those needing a value", () => {
    expect(visibleSecrets(rows, { search: " KEY ", sort: "name", needsValueOnly: false }).map((r) => r.name)).toEqual([
      "Gamma_Key",
    ]);
    expect(visibleSecrets(rows, { search: "", sort: "name", needsValueOnly: true }).map((r) => r.name)).toEqual([
      "ALPHA",
    ]);
  });

  it("does not reorder the caller's array", () => {
    const input = [...rows];
    visibleSecrets(input, { search: "", sort: "name", needsValueOnly: false });
    expect(input).toEqual(rows);
  });
});
