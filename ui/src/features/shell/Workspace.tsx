import { useCallback, useEffect, useMemo, useState } from "react";
import { toAppError } from "../../ipc/appError";
import { environmentList, projectList } from "../../ipc/commands";
import type { AppError, Environment, ProjectSummary } from "../../ipc/types";
import { EnvironmentsPage } from "../environments/EnvironmentsPage";
import { SecretsPage } from "../secrets/SecretsPage";
import { StepsPage } from "../steps/StepsPage";
import { VariablesPage } from "../variables/VariablesPage";
import { NavigationContext, type Page } from "./navigation";
import { StatusScreen } from "./StatusScreen";

type Loaded = { project: ProjectSummary; environments: Environment[] };

/** Loads the project (the first one, until there is a switcher) and its environments. */
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
      const [project] = await projectList();
      if (!project) return "empty" as const;
      const environments = await environmentList(project.id);
      return { project, environments };
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
    <NavigationContext.Provider value={navigation}>
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
  );
}

function defaultEnvironment(environments: Environment[]): Environment | undefined {
  return environments.find((environment) => environment.kind === "development") ?? environments[0];
}
