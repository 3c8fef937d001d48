/** The user's theme choice: follow the system, or always light or dark. */
export type ThemeChoice = "system" | "light" | "dark";

export const THEME_CHOICES: readonly ThemeChoice[] = ["system", "light", "dark"];

/** Where the choice is remembered between launches, until the vault's settings hold it. */
const STORAGE_KEY = "agent-secrets.theme";

function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === "string" && (THEME_CHOICES as readonly string[]).includes(value);
}

/** The remembered choice; "system" when there is none or it is not one we know. */
export function savedTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isThemeChoice(value) ? value : "system";
  } catch {
    return "system";
  }
}

/** Puts the choice on the root element; tokens.css reads `data-theme` from there. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = choice;
}

/** Applies the choice and remembers it (what a Settings page calls). */
export function setTheme(choice: ThemeChoice): void {
  applyTheme(choice);
  try {
    window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Storage can be unavailable; the choice still holds until the window closes.
  }
}
