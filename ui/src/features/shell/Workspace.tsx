import { useCallback, useEffect, useMemo, useState } from "react";
import { toAppError } from "../../ipc/appError";
import { environmentList, projectList } from "../../ipc/commands";
import { projectCurrent, projectSelect } from "../../ipc/projectCommands";
import type { AppError, Environment, ProjectSummary } from "../../ipc/types";
import { EnvironmentsPage } from "../environments/EnvironmentsPage";
import { ProjectContext, type ProjectsState } from "../projects/projectContext";
import { SecretsPage } from "../secrets/SecretsPage";
import { StepsPage } from "../steps/StepsPage";
import { VariablesPage } from "../variables/VariablesPage";
import { NavigationContext, type Page } from "./navigation";
import { StatusScreen } from "./StatusScreen";

type Loaded = { project: ProjectSummary; environments: Environment[]; projects: ProjectSummary[] };

/** Loads the current project (the last used one) with its environments, and the project list. */
export function Workspace() {
  const [loaded, setLoaded] = useState<Loaded | "empty" | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [environmentId, setEnvironmentId] = useState("");
  const [attempt, setAttempt] = useState(0);
  const [page, setPage] = useState<Page>("secrets");
  const navigation = useMemo(() => ({ page, navigate: setPage }), [page]);

  useEffect(() => {
    let current = true;
    (async () => {
      // The last used project (remembered by the vault), else the first one.
      const project = await projectCurrent();
      if (!project) return "empty" as const;
      const [environments, projects] = await Promise.all([environmentList(project.id), projectList()]);
      return { project, environments, projects };
    })().then(
      (result) => {
        if (!current) return;
        setLoaded(result);
        setError(null);
        if (result !== "empty") setEnvironmentId(defaultEnvironment(result.environments)?.id ?? "");
      },
      (caught: unknown) => {
        if (current) setError(toAppError(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((count) => count + 1);
  }, []);

  /** The project switcher's action: remember `projectId` (if any) and load it. */
  const openProject = useCallback(async (projectId?: string) => {
    if (projectId) await projectSelect(projectId);
    setAttempt((count) => count + 1);
  }, []);
  const projectsState = useMemo<ProjectsState | null>(
    () =>
      loaded !== null && loaded !== "empty"
        ? { projects: loaded.projects, current: loaded.project, open: openProject }
        : null,
    [loaded, openProject],
  );

  const projectId = loaded !== null && loaded !== "empty" ? loaded.project.id : null;
  /** Loads the environments again after one was added, renamed or deleted. */
  const refreshEnvironments = useCallback(async (): Promise<AppError | null> => {
    if (projectId === null) return null;
    try {
      const environments = await environmentList(projectId);
      setLoaded((current) =>
        current !== null && current !== "empty" && current.project.id === projectId
          ? { ...current, environments }
          : current,
      );
      // A deleted environment cannot stay selected: back to the default one.
      setEnvironmentId((current) =>
        environments.some((environment) => environment.id === current)
          ? current
          : (defaultEnvironment(environments)?.id ?? ""),
      );
      return null;
    } catch (caught) {
      return toAppError(caught);
    }
  }, [projectId]);

  if (error) {
    return <StatusScreen title="Could not open the project" message={error.message} onRetry={retry} />;
  }
  if (loaded === null) return <StatusScreen title="Opening…" />;
  if (loaded === "empty") {
    return <StatusScreen title="No projects yet" message="This vault has no agent project to show." onRetry={retry} />;
  }
  return (
    <ProjectContext.Provider value={projectsState}>
      {/* Keyed by project and load, so a switch or reload starts each page afresh. */}
      <NavigationContext.Provider value={navigation} key={`${loaded.project.id}:${attempt}`}>
        {page === "environments" ? (
          <EnvironmentsPage
            project={loaded.project}
            environments={loaded.environments}
            environmentId={environmentId}
            onEnvironmentChange={setEnvironmentId}
            onEnvironmentsChanged={refreshEnvironments}
          />
        ) : page === "steps" ? (
          <StepsPage
            project={loaded.project}
            environments={loaded.environments}
            environmentId={environmentId}
            onEnvironmentChange={setEnvironmentId}
          />
        ) : page === "variables" ? (
          <VariablesPage project={loaded.project} />
        ) : (
          <SecretsPage
            project={loaded.project}
            environments={loaded.environments}
            environmentId={environmentId}
            onEnvironmentChange={setEnvironmentId}
          />
        )}
      </NavigationContext.Provider>
    </ProjectContext.Provider>
  );
}

function defaultEnvironment(environments: Environment[]): Environment | undefined {
  return environments.find((environment) => environment.kind === "development") ?? environments[0];
}
