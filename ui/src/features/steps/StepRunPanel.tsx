import { useEffect, useRef, useState } from "react";
import { toAppError } from "../../ipc/appError";
import { stepPreview, stepSend } from "../../ipc/commands";
import type { AppError, Environment, StepPreview, StepResponse } from "../../ipc/types";
import { StepPreviewView } from "./StepPreviewView";
import { StepResponseView } from "./StepResponseView";

export type RunKind = "preview" | "send";

export type RunPanel =
  | { kind: "none" }
  | { kind: "busy"; what: RunKind }
  | { kind: "preview"; preview: StepPreview }
  | { kind: "response"; response: StepResponse }
  | { kind: "failed"; message: string };

/**
 * Preview and Send of one saved step in `environmentId`, and what they answered. A shown
 * preview follows the environment selector.
 */
export function useStepRun(projectId: string, stepId: string, environmentId: string) {
  const [panel, setPanel] = useState<RunPanel>({ kind: "none" });

  async function run(what: RunKind) {
    setPanel({ kind: "busy", what });
    try {
      if (what === "preview") {
        setPanel({ kind: "preview", preview: await stepPreview(projectId, stepId, environmentId) });
      } else {
        setPanel({ kind: "response", response: await stepSend(projectId, stepId, environmentId) });
      }
    } catch (caught) {
      setPanel({ kind: "failed", message: toAppError(caught).message });
    }
  }

  const previewShown = panel.kind === "preview";
  useEffect(() => {
    if (!previewShown || !environmentId) return;
    let current = true;
    stepPreview(projectId, stepId, environmentId).then(
      (preview) => {
        if (current) setPanel({ kind: "preview", preview });
      },
      (caught: unknown) => {
        if (current) setPanel({ kind: "failed", message: toAppError(caught).message });
      },
    );
    return () => {
      current = false;
    };
    // Only a change of environment re-runs it; the buttons run it otherwise.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [environmentId]);

  return { panel, run };
}

type StepRunPanelProps = {
  projectId: string;
  panel: RunPanel;
  environment: Environment | undefined;
  onError: (error: AppError) => void;
};

/** Under the step's form: "Resolving…"/"Sending…", the preview, the response, or why it failed. */
export function StepRunPanel({ projectId, panel, environment, onError }: StepRunPanelProps) {
  const panelRef = useRef<HTMLDivElement>(null);

  // A new preview or response comes into view (it opens below the form).
  useEffect(() => {
    if (panel.kind !== "none") panelRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [panel.kind]);

  return (
    <div ref={panelRef}>
      {panel.kind === "busy" && (
        <p className="muted step-busy" role="status">
          {panel.what === "preview" ? "Resolving references…" : `Sending in ${environment?.name ?? ""}…`}
        </p>
      )}
      {panel.kind === "failed" && (
        <p className="form-error step-failed" role="alert" data-testid="step-failed">
          {panel.message}
        </p>
      )}
      {panel.kind === "preview" && <StepPreviewView preview={panel.preview} projectId={projectId} onError={onError} />}
      {panel.kind === "response" && <StepResponseView response={panel.response} />}
    </div>
  );
}
