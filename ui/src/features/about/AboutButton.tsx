import { useState } from "react";
import { AboutDialog } from "./AboutDialog";
import "./about.css";

/** The sidebar's "About Agent Secrets" link-style button and its dialog. */
export function AboutButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="about-button" onClick={() => setOpen(true)}>
        About Agent Secrets
      </button>
      {open && <AboutDialog onClose={() => setOpen(false)} />}
    </>
  );
}
