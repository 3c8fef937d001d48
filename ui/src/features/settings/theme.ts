/** The user's theme choice: follow the system, or always light or dark. */
export type ThemeChoice = "system" | "light" | "dark";

/** The theme actually shown: a choice of "system" resolved against the system's preference. */
export type Theme = "light" | "dark";

export const THEME_CHOICES: readonly ThemeChoice[] = ["system", "light", "dark"];

/** Where the choice is remembered between launches, until the vault's settings hold it. */
const STORAGE_KEY = "agent-secrets.theme";

const DARK_QUERY = "(prefers-color-scheme: dark)";

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

/** The system's preference, or null where the window cannot tell (then light is shown). */
function darkQuery(): MediaQueryList | null {
  return typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : null;
}

/** The theme a choice shows: "system" becomes light or dark as the system prefers. */
export function resolveTheme(choice: ThemeChoice): Theme {
  if (choice !== "system") return choice;
  return darkQuery()?.matches ? "dark" : "light";
}

/** Stops following the system's preference (set while the choice is "system"). */
let stopFollowing: (() => void) | null = null;

/**
 * Puts the resolved theme on the root element as `data-theme` ("light" or "dark"; tokens.css reads
 * it) and the choice itself as `data-theme-choice`. While the choice is "system", a change of the
 * system's preference switches the theme at once.
 */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  stopFollowing?.();
  stopFollowing = null;
  root.dataset.themeChoice = choice;
  root.dataset.theme = resolveTheme(choice);
  if (choice !== "system") return;
  const query = darkQuery();
  if (!query) return;
  const follow = (event: MediaQueryListEvent) => {
    root.dataset.theme = event.matches ? "dark" : "light";
  };
  query.addEventListener("change", follow);
  stopFollowing = () => query.removeEventListener("change", follow);
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
