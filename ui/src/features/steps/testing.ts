// Step and variable commands for the fake back end (test/fakeBackend.ts), in memory.
import { screen } from "@testing-library/react";
import { appError, type FakeBackend } from "../../test/fakeBackend";
import type { renderApp } from "../../test/renderApp";
import type { Step, StepDefinition, StepKind, Variable } from "../../ipc/types";

export type User = Awaited<ReturnType<typeof renderApp>>["user"];

export type FakeSteps = { steps: Step[]; variables: Variable[] };

let nextId = 1;

export function emptyDefinition(kind: StepKind): StepDefinition {
  return kind === "api"
    ? { kind: "api", method: "GET", url: "", headers: [], query: [], body: { kind: "none", text: "" } }
    : { kind: "function", code: "", inputs: [] };
}

export function fakeStep(name: string, definition: StepDefinition): Step {
  return { id: `step-${nextId++}`, name, definition, updatedAt: Date.now() };
}

/** Adds the step and variable commands to `backend`, over `state` (changed in place). */
export function installFakeSteps(backend: FakeBackend, state: Partial<FakeSteps> = {}): FakeSteps {
  const data: FakeSteps = { steps: state.steps ?? [], variables: state.variables ?? [] };
  const find = (id: unknown) => {
    const step = data.steps.find((each) => each.id === id);
    if (!step) throw appError("not_found", "No such step");
    return step;
  };
  const checkName = (name: unknown, except?: string) => {
    const trimmed = String(name).trim();
    if (!trimmed) throw appError("invalid", "a step name is required", "name");
    if (data.steps.some((each) => each.name.toLowerCase() === trimmed.toLowerCase() && each.id !== except)) {
      throw appError("conflict", `a step named "${trimmed}" already exists in this project`, "name");
    }
    return trimmed;
  };
  const replace = (step: Step) => {
    data.steps = data.steps.map((each) => (each.id === step.id ? step : each));
    return step;
  };
  backend.override("step_list", () => data.steps);
  backend.override("step_create", ({ name, kind }) => {
    const step = fakeStep(checkName(name), emptyDefinition(kind as StepKind));
    data.steps = [...data.steps, step];
    return step;
  });
  backend.override("step_update", ({ stepId, definition }) =>
    replace({ ...find(stepId), definition: definition as StepDefinition, updatedAt: Date.now() }),
  );
  backend.override("step_rename", ({ stepId, name }) =>
    replace({ ...find(stepId), name: checkName(name, String(stepId)), updatedAt: Date.now() }),
  );
  backend.override("step_delete", ({ stepId }) => {
    find(stepId);
    data.steps = data.steps.filter((each) => each.id !== stepId);
    return null;
  });
  backend.override("variable_list", () => data.variables);
  backend.override("variable_set", ({ name, value }) => {
    const variable = { name: String(name), value: String(value) };
    data.variables = [...data.variables.filter((each) => each.name !== variable.name), variable];
    return variable;
  });
  backend.override("variable_delete", ({ name }) => {
    data.variables = data.variables.filter((each) => each.name !== name);
    return null;
  });
  return data;
}

/** Sidebar → Steps; waits until the page has its data. */
export async function openStepsPage(user: User) {
  await user.click(screen.getByRole("link", { name: "Steps" }));
  await screen.findByRole("heading", { level: 1, name: "Steps" });
  await screen.findByTestId("app-ready");
}
