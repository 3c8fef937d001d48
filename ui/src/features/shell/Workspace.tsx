import { useCallback, useMemo, useState } from "react";
import { useLoad } from "../../components/useLoad";
import { toAppError } from "../../ipc/appError";
import { environmentList, projectList } from "../../ipc/commands";
import { projectCurrent, projectSelect } from "../../ipc/projectCommands";
import type { AppError, Environment, ProjectSummary } from "../../ipc/types";
import { WorkspaceCommands } from "../commands/WorkspaceCommands";
import { EnvironmentsPage } from "../environments/EnvironmentsPage";
import { ProjectContext, type ProjectsState } from "../projects/projectContext";
import { SecretsPage } from "../secrets/SecretsPage";
import { StepsPage } from "../steps/StepsPage";
import { VariablesPage } from "../variables/VariablesPage";
import { NavigationContext, type Navigation, type Page, type PageIntent } from "./navigation";
import { StatusScreen } from "./StatusScreen";
import { useLeaveGuard } from "./unsavedChanges";

type Loaded = { project: ProjectSummary; environments: Environment[]; projects: ProjectSummary[] };

/** The last used project (remembered by the vault), else the first one, with its environments. */
async function loadWorkspace(): Promise<Loaded | "empty"> {
  const project = await projectCurrent();
  if (!project) return "empty";
  const [environments, projects] = await Promise.all([environmentList(project.id), projectList()]);
  return { project, environments, projects };
}

/** Loads the current project (the last used one) with its environments, and the project list. */
export function Workspace() {
  const { data: loaded, error, reload, update: setLoaded } = useLoad(loadWorkspace);
  // The environment the user chose; the default one until then, or once it is gone.
  const [chosenEnvironmentId, setChosenEnvironmentId] = useState<string | null>(null);
  // Counts loads asked for, so that each one starts the pages afresh.
  const [generation, setGeneration] = useState(0);
  const [page, setPage] = useState<Page>("secrets");
  const [intent, setIntent] = useState<PageIntent | null>(null);
  const guard = useLeaveGuard();
  const navigation = useMemo<Navigation>(
    () => ({
      page,
      navigate(target, next) {
        // The same page keeps its editors; an intent that replaces one asks for itself.
        const show = () => {
          setPage(target);
          setIntent(next ?? null);
        };
        if (target === page) show();
        else guard("page", show);
      },
      intent,
      intentDone: () => setIntent(null),
    }),
    [page, intent, guard],
  );
  const changeEnvironment = useCallback(
    (environmentId: string) => guard("environment", () => setChosenEnvironmentId(environmentId)),
    [guard],
  );

  const restart = useCallback(() => {
    setChosenEnvironmentId(null);
    setGeneration((count) => count + 1);
    void reload();
  }, [reload]);

  /** The project switcher's action: remember `projectId` (if any) and load it. */
  const openProject = useCallback(
    (projectId?: string) =>
      new Promise<void>((resolve, reject) => {
        // Asked first: opening a project (or the same one again) starts every page afresh.
        guard(
          "project",
          () => {
            (projectId ? projectSelect(projectId) : Promise.resolve()).then(() => {
              restart();
              resolve();
            }, reject);
          },
          resolve,
        );
      }),
    [guard, restart],
  );
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
      return null;
    } catch (caught) {
      return toAppError(caught);
    }
  }, [projectId, setLoaded]);

  if (error) {
    return <StatusScreen title="Could not open the project" message={error.message} onRetry={restart} />;
  }
  if (loaded === null) return <StatusScreen title="Opening…" />;
  if (loaded === "empty") {
    return <StatusScreen title="No projects yet" message="This vault has no agent project to show." onRetry={restart} />;
  }
  // A deleted environment cannot stay selected: back to the default one.
  const environmentId =
    loaded.environments.find((environment) => environment.id === chosenEnvironmentId)?.id ??
    defaultEnvironment(loaded.environments)?.id ??
    "";
  // What the pages with an environment selector share.
  const pageProps = {
    project: loaded.project,
    environments: loaded.environments,
    environmentId,
    onEnvironmentChange: changeEnvironment,
  };
  return (
    <ProjectContext.Provider value={projectsState}>
      {/* Keyed by project and load, so a switch or reload starts each page afresh. */}
      <NavigationContext.Provider value={navigation} key={`${loaded.project.id}:${generation}`}>
        {page === "environments" ? (
          <EnvironmentsPage {...pageProps} onEnvironmentsChanged={refreshEnvironments} />
        ) : page === "steps" ? (
          <StepsPage {...pageProps} />
        ) : page === "variables" ? (
          <VariablesPage project={loaded.project} />
        ) : (
          <SecretsPage {...pageProps} />
        )}
        <WorkspaceCommands projectId={loaded.project.id} />
      </NavigationContext.Provider>
    </ProjectContext.Provider>
  );
}

function defaultEnvironment(environments: Environment[]): Environment | undefined {
  return environments.find((environment) => environment.kind === "development") ?? environments[0];
}
