import { LockIcon } from "../../components/LockIcon";
import type { Visibility } from "../../ipc/types";

/** `Masked` in neutral, `Restricted` with a padlock. */
export function VisibilityPill({ visibility }: { visibility: Visibility }) {
  if (visibility === "restricted") {
    return (
      <span className="pill pill-restricted">
        <LockIcon className="pill-icon" />
        Restricted
      </span>
    );
  }
  return <span className="pill">Masked</span>;
}
