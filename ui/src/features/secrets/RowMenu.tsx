import { useEffect, useId, useState, type CSSProperties } from "react";
import { useMenu } from "../../components/useMenu";

export const COPY_RESTRICTED_REASON = "Restricted secrets cannot be copied";

export type RowAction = "edit" | "copy" | "delete";

type RowMenuProps = {
  secretName: string;
  restricted: boolean;
  onAction: (action: RowAction) => void;
};

const MENU_WIDTH = 220;
const MENU_HEIGHT_GUESS = 150;

/**
 * The row's `⋮` menu: Edit, Copy, Delete. Opens with click, Enter, Space or ArrowDown;
 * arrows and Home/End move, Escape closes and returns focus to the button.
 */
export function RowMenu({ secretName, restricted, onAction }: RowMenuProps) {
  const [position, setPosition] = useState<CSSProperties | null>(null);
  const open = position !== null;
  const menu = useMenu(open, openMenu, () => setPosition(null));
  const noteId = useId();
  const label = `Actions for ${secretName}`;

  function openMenu(button: HTMLButtonElement) {
    // Fixed position, so the table's scroll area never clips the menu.
    const rect = button.getBoundingClientRect();
    const right = Math.max(8, window.innerWidth - rect.right);
    const below = rect.bottom + MENU_HEIGHT_GUESS + 8 <= window.innerHeight || rect.top < MENU_HEIGHT_GUESS;
    setPosition(
      below
        ? { top: rect.bottom + 4, right, width: MENU_WIDTH }
        : { bottom: window.innerHeight - rect.top + 4, right, width: MENU_WIDTH },
    );
  }

  // The menu is placed once, so it closes when the page moves under it.
  const { contains } = menu;
  useEffect(() => {
    if (!open) return;
    function onViewportChange(event: Event) {
      if (event.target instanceof Node && contains(event.target)) return;
      setPosition(null);
    }
    window.addEventListener("resize", onViewportChange);
    window.addEventListener("scroll", onViewportChange, true);
    return () => {
      window.removeEventListener("resize", onViewportChange);
      window.removeEventListener("scroll", onViewportChange, true);
    };
  }, [open, contains]);

  function choose(action: RowAction) {
    // Focus goes back to the ⋮ button first, so a dialog opened by the action returns it there.
    menu.close(true);
    onAction(action);
  }

  return (
    <div className="row-menu">
      <button {...menu.buttonProps} className="row-menu-button" data-testid="row-menu" aria-label={label}>
        <span aria-hidden="true">⋮</span>
      </button>
      {position && (
        <div {...menu.menuProps} className="row-menu-list" aria-label={label} style={position}>
          <button type="button" role="menuitem" tabIndex={-1} className="row-menu-item" onClick={() => choose("edit")}>
            Edit
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="row-menu-item"
            disabled={restricted}
            title={restricted ? COPY_RESTRICTED_REASON : undefined}
            aria-describedby={restricted ? noteId : undefined}
            onClick={() => choose("copy")}
          >
            Copy
          </button>
          {restricted && (
            <div id={noteId} role="none" className="row-menu-note">
              {COPY_RESTRICTED_REASON}
            </div>
          )}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="row-menu-item row-menu-item-danger"
            onClick={() => choose("delete")}
          >
            Delete
          </button>
        </div>
      )}
    </div>
  );
}
