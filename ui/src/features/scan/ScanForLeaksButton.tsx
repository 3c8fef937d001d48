import { useState } from "react";
import { ScanDialog } from "./ScanDialog";

/** The Secrets toolbar's "Scan for leaks" button and the dialog it opens. */
export function ScanForLeaksButton({ projectId }: { projectId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Scan for leaks
      </button>
      {open && <ScanDialog projectId={projectId} onClose={() => setOpen(false)} />}
    </>
  );
}
