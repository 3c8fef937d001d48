import { describe, expect, it } from "vitest";
import { keysLabel, shortcutFor } from "./shortcuts";

function press(key: string, init: KeyboardEventInit = {}, target: HTMLElement = document.body) {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, ...init });
  Object.defineProperty(event, "target", { value: target });
  return shortcutFor(event);
}

describe("which shortcut a key press is", () => {
  const input = document.createElement("input");
  const search = Object.assign(document.createElement("input"), { type: "search" });
  const textarea = document.createElement("textarea");

  it("knows the four shortcuts outside text fields", () => {
    expect(press("k", { ctrlKey: true })).toBe("palette");
    expect(press("k", { metaKey: true })).toBe("palette");
    expect(press("n", { ctrlKey: true })).toBe("new-secret");
    expect(press("/")).toBe("focus-search");
    expect(press("?", { shiftKey: true })).toBe("help");
    expect(press("a")).toBeNull();
    expect(press("k", { ctrlKey: true, altKey: true })).toBeNull();
  });

  it("lets only Ctrl/Cmd+K through while typing (and Ctrl/Cmd+N from a search box)", () => {
    expect(press("k", { ctrlKey: true }, textarea)).toBe("palette");
    expect(press("n", { ctrlKey: true }, input)).toBeNull();
    expect(press("/", {}, input)).toBeNull();
    expect(press("?", {}, textarea)).toBeNull();
    expect(press("n", { ctrlKey: true }, search)).toBe("new-secret");
    expect(press("/", {}, search)).toBeNull();
  });

  it("names the modifier as the keyboard does", () => {
    expect(keysLabel("Mod+K", "MacIntel")).toBe("⌘+K");
    expect(keysLabel("Mod+K", "Linux x86_64")).toBe("Ctrl+K");
  });
});
