import { afterEach, describe, expect, it } from "vitest";
import { applyTheme, savedTheme, setTheme } from "./theme";

afterEach(() => {
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe("the theme choice", () => {
  it("follows the system until the user chooses", () => {
    expect(savedTheme()).toBe("system");
    applyTheme(savedTheme());
    expect(document.documentElement).toHaveAttribute("data-theme", "system");
  });

  it("applies a choice on the root element and remembers it", () => {
    setTheme("dark");
    expect(document.documentElement).toHaveAttribute("data-theme", "dark");
    expect(savedTheme()).toBe("dark");
    setTheme("light");
    expect(document.documentElement).toHaveAttribute("data-theme", "light");
    expect(savedTheme()).toBe("light");
  });

  it("ignores a remembered value it does not know", () => {
    window.localStorage.setItem("agent-secrets.theme", "sepia");
    expect(savedTheme()).toBe("system");
  });
});
