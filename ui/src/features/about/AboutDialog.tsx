import { getVersion } from "@tauri-apps/api/app";
import { useEffect, useId, useRef, useState } from "react";
import { Dialog } from "../../components/Dialog";

type AboutDialogProps = { onClose: () => void };

/** Name, version (the workspace's Cargo.toml version, read through Tauri) and what the app keeps where. */
export function AboutDialog({ onClose }: AboutDialogProps) {
  const [version, setVersion] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  useEffect(() => {
    let current = true;
    getVersion().then(
      (found) => current && setVersion(found),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <Dialog title="About Agent Secrets" onClose={onClose} initialFocusRef={closeRef} describedById={descriptionId}>
      <p className="about-version" data-testid="about-version">
        {version ? `Version ${version}` : failed ? "Version unknown" : "Version …"}
      </p>
      <p id={descriptionId}>
        An offline secrets manager for AI agent projects. Values are encrypted on this machine (AES-256-GCM) with a
        key kept in your OS keyring; nothing is sent anywhere. The <span className="mono">agent-secrets</span> command
        line works on the same vault.
      </p>
      <div className="dialog-actions">
        <button ref={closeRef} type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
