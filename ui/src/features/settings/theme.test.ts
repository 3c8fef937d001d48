import { afterEach, describe, expect, it, vi } from "vitest";
import { applyTheme, savedTheme, setTheme } from "./theme";

/** A stand-in for the system's colour preference that the test can switch. */
function fakeSystemPreference(dark: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const query = {
    get matches() {
      return dark;
    },
    media: "(prefers-color-scheme: dark)",
    addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
  };
  vi.stubGlobal(
    "matchMedia",
    vi.fn((media: string) => (media === query.media ? query : { ...query, matches: false })),
  );
  return {
    listeners,
    set(next: boolean) {
      dark = next;
      listeners.forEach((listener) => listener({ matches: next } as MediaQueryListEvent));
    },
  };
}

afterEach(() => {
  applyTheme("light"); // stops following a fake system preference
  vi.unstubAllGlobals();
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.themeChoice;
});

describe("the theme choice", () => {
  it("follows the system until the user chooses", () => {
    fakeSystemPreference(true);
    expect(savedTheme()).toBe("system");
    applyTheme(savedTheme());
    expect(document.documentElement).toHaveAttribute("data-theme", "dark");
    expect(document.documentElement).toHaveAttribute("data-theme-choice", "system");
  });

  it("shows light for the system choice when the system prefers light, or cannot tell", () => {
    fakeSystemPreference(false);
    applyTheme("system");
    expect(document.documentElement).toHaveAttribute("data-theme", "light");
    vi.unstubAllGlobals();
    vi.stubGlobal("matchMedia", undefined);
    applyTheme("system");
    expect(document.documentElement).toHaveAttribute("data-theme", "light");
  });

  it("switches with the system while the choice is system, and stops once the user chooses", () => {
    const system = fakeSystemPreference(false);
    applyTheme("system");
    system.set(true);
    expect(document.documentElement).toHaveAttribute("data-theme", "dark");
    system.set(false);
    expect(document.documentElement).toHaveAttribute("data-theme", "light");
    setTheme("dark");
    expect(system.listeners.size).toBe(0);
    system.set(false);
    expect(document.documentElement).toHaveAttribute("data-theme", "dark");
  });

  it("applies a choice on the root element and remembers it", () => {
    fakeSystemPreference(true);
    setTheme("dark");
    expect(document.documentElement).toHaveAttribute("data-theme", "dark");
    expect(savedTheme()).toBe("dark");
    setTheme("light");
    expect(document.documentElement).toHaveAttribute("data-theme", "light");
    expect(document.documentElement).toHaveAttribute("data-theme-choice", "light");
    expect(savedTheme()).toBe("light");
  });

  it("ignores a remembered value it does not know", () => {
    window.localStorage.setItem("agent-secrets.theme", "sepia");
    expect(savedTheme()).toBe("system");
  });
});
