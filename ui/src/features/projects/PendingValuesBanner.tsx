import { useState } from "react";
import type { SecretRow } from "../../ipc/types";
import { pendingSecretCount, secretsNeedValues } from "./pending";
import { ReentryDialog } from "./ReentryDialog";
import "./projects.css";

type PendingValuesBannerProps = {
  projectId: string;
  secrets: readonly SecretRow[];
  onChanged: () => void;
};

/** "N secrets need values" with `Enter values`, while an imported project waits for values. */
export function PendingValuesBanner({ projectId, secrets, onChanged }: PendingValuesBannerProps) {
  const [open, setOpen] = useState(false);
  const count = pendingSecretCount(secrets);
  if (count === 0 && !open) return null;
  return (
    <>
      {count > 0 && (
        <div className="pending-banner" role="status" data-testid="needs-values-banner">
          <span>
            <strong>{secretsNeedValues(count)}</strong> — this project came from an import or a duplicate, which
            carry names only.
          </span>
          <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
            Enter values
          </button>
        </div>
      )}
      {open && <ReentryDialog projectId={projectId} onClose={() => setOpen(false)} onChanged={onChanged} />}
    </>
  );
}
