import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";

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
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const noteId = useId();

  function openMenu() {
    const button = buttonRef.current;
    if (!button) return;
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

  function closeMenu(returnFocus: boolean) {
    setPosition(null);
    if (returnFocus) buttonRef.current?.focus();
  }

  function menuItems(): HTMLButtonElement[] {
    return Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? []);
  }

  useEffect(() => {
    if (!open) return;
    menuItems()[0]?.focus();

    function onPointerDown(event: MouseEvent) {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setPosition(null);
    }
    function onViewportChange(event: Event) {
      if (event.target instanceof Node && menuRef.current?.contains(event.target)) return;
      setPosition(null);
    }
    document.addEventListener("mousedown", onPointerDown);
    window.addEventListener("resize", onViewportChange);
    window.addEventListener("scroll", onViewportChange, true);
    return () => {
      document.removeEventListener("mousedown", onPointerDown);
      window.removeEventListener("resize", onViewportChange);
      window.removeEventListener("scroll", onViewportChange, true);
    };
  }, [open]);

  function choose(action: RowAction) {
    // Focus goes back to the ⋮ button first, so a dialog opened by the action returns it there.
    closeMenu(true);
    onAction(action);
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openMenu();
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = menuItems();
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    let next: HTMLButtonElement | undefined;
    switch (event.key) {
      case "ArrowDown":
        next = items[(index + 1) % items.length];
        break;
      case "ArrowUp":
        next = items[(index - 1 + items.length) % items.length];
        break;
      case "Home":
        next = items[0];
        break;
      case "End":
        next = items[items.length - 1];
        break;
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        closeMenu(true);
        return;
      case "Tab":
        closeMenu(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    next?.focus();
  }

  return (
    <div className="row-menu">
      <button
        ref={buttonRef}
        type="button"
        className="row-menu-button"
        data-testid="row-menu"
        aria-label={`Actions for ${secretName}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? closeMenu(false) : openMenu())}
        onKeyDown={onButtonKeyDown}
      >
        <span aria-hidden="true">⋮</span>
      </button>
      {position && (
        <div
          ref={menuRef}
          id={menuId}
          className="row-menu-list"
          role="menu"
          aria-label={`Actions for ${secretName}`}
          style={position}
          onKeyDown={onMenuKeyDown}
        >
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
