import type { SecretRow, Step } from "../../ipc/types";
import { setTheme, THEME_CHOICES, type ThemeChoice } from "../settings/theme";
import type { Navigation, Page } from "../shell/navigation";

/** One line of the command palette. */
export type PaletteEntry = {
  id: string;
  label: string;
  /** What kind of thing it is, shown on the right: Page, Action, Secret, Step. */
  group: "Page" | "Action" | "Secret" | "Step";
  run: () => void;
};

const PAGES: readonly (readonly [Page, string])[] = [
  ["secrets", "Secrets"],
  ["environments", "Environments"],
  ["steps", "Steps"],
  ["variables", "Variables"],
];

const THEME_LABELS: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };

type Sources = {
  navigate: Navigation["navigate"];
  showShortcuts: () => void;
  secrets: readonly SecretRow[];
  steps: readonly Step[];
};

/** Every palette entry: the actions, the pages, then the project's secrets and steps. */
export function paletteEntries({ navigate, showShortcuts, secrets, steps }: Sources): PaletteEntry[] {
  return [
    { id: "action:new-secret", label: "New Secret", group: "Action", run: () => navigate("secrets", { kind: "new-secret" }) },
    { id: "action:new-step", label: "New Step", group: "Action", run: () => navigate("steps", { kind: "new-step" }) },
    { id: "action:shortcuts", label: "Keyboard shortcuts", group: "Action", run: showShortcuts },
    ...THEME_CHOICES.map((choice): PaletteEntry => ({
      id: `theme:${choice}`,
      label: `Theme: ${THEME_LABELS[choice]}`,
      group: "Action",
      run: () => setTheme(choice),
    })),
    ...PAGES.map(([page, label]): PaletteEntry => ({
      id: `page:${page}`,
      label: `Go to ${label}`,
      group: "Page",
      run: () => navigate(page),
    })),
    ...secrets.map((secret): PaletteEntry => ({
      id: `secret:${secret.id}`,
      label: secret.name,
      group: "Secret",
      run: () => navigate("secrets", { kind: "find-secret", name: secret.name }),
    })),
    ...steps.map((step): PaletteEntry => ({
      id: `step:${step.id}`,
      label: step.name,
      group: "Step",
      run: () => navigate("steps", { kind: "open-step", stepId: step.id }),
    })),
  ];
}

/** The entries whose label holds `query` (any case), those starting with it first. */
export function matchEntries(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...entries];
  const starts: PaletteEntry[] = [];
  const contains: PaletteEntry[] = [];
  for (const entry of entries) {
    const label = entry.label.toLowerCase();
    const bare = label.replace(/^go to /, "");
    if (label.startsWith(needle) || bare.startsWith(needle)) starts.push(entry);
    else if (label.includes(needle)) contains.push(entry);
  }
  return [...starts, ...contains];
}
