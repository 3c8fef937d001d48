import { createContext, useContext } from "react";
import type { ProjectSummary } from "../../ipc/types";

export type ProjectsState = {
  /** Every project, by name. */
  projects: ProjectSummary[];
  current: ProjectSummary;
  /** Switches to `projectId` (remembered as the last used one), or reloads the current one. */
  open: (projectId?: string) => Promise<void>;
};

export const ProjectContext = createContext<ProjectsState | null>(null);

/** The projects and the switch action; null outside the workspace (e.g. a page rendered alone). */
export function useProjects(): ProjectsState | null {
  return useContext(ProjectContext);
}
