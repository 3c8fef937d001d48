import { useCallback, useEffect, useState } from "react";
import { toAppError } from "../../ipc/appError";
import { environmentList, projectList } from "../../ipc/commands";
import type { AppError, Environment, ProjectSummary } from "../../ipc/types";
import { SecretsPage } from "../secrets/SecretsPage";
import { StatusScreen } from "./StatusScreen";

type Loaded = { project: ProjectSummary; environments: Environment[] };

/** Loads the project (the first one, until there is a switcher) and its environments. */
export function Workspace() {
  const [loaded, setLoaded] = useState<Loaded | "empty" | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [environmentId, setEnvironmentId] = useState("");
  const [attempt, setAttempt] = useState(0);

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

  if (error) {
    return <StatusScreen title="Could not open the project" message={error.message} onRetry={retry} />;
  }
  if (loaded === null) return <StatusScreen title="Opening…" />;
  if (loaded === "empty") {
    return <StatusScreen title="No projects yet" message="This vault has no agent project to show." onRetry={retry} />;
  }
  return (
    <SecretsPage
      project={loaded.project}
      environments={loaded.environments}
      environmentId={environmentId}
      onEnvironmentChange={setEnvironmentId}
    />
  );
}

function defaultEnvironment(environments: Environment[]): Environment | undefined {
  return environments.find((environment) => environment.kind === "development") ?? environments[0];
}
