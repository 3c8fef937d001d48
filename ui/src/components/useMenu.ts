import { useCallback, useEffect, useEffectEvent, useId, useRef, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from "react";

function menuItemsIn(menu: HTMLElement | null): HTMLButtonElement[] {
  return Array.from(menu?.querySelectorAll<HTMLButtonElement>("[role^=menuitem]:not(:disabled)") ?? []);
}

/**
 * What a button with a menu needs, however the menu is drawn: click toggles it, ↓/↑ on the button
 * open it; when it opens, focus goes to its checked item (else the first); a click outside closes
 * it; inside, ↑/↓ move (wrapping), Home/End jump, Escape closes it and returns focus to the
 * button, Tab closes it and lets focus move on. `setOpen`/`setClosed` only change the state.
 */
export function useMenu(open: boolean, setOpen: (button: HTMLButtonElement) => void, setClosed: () => void) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const closeOnOutsideClick = useEffectEvent(setClosed);
  const contains = useCallback((node: Node) => menuRef.current?.contains(node) ?? false, []);

  useEffect(() => {
    if (!open) return;
    const items = menuItemsIn(menuRef.current);
    (items.find((item) => item.getAttribute("aria-checked") === "true") ?? items[0])?.focus();
    function onPointerDown(event: MouseEvent) {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) closeOnOutsideClick();
    }
    document.addEventListener("mousedown", onPointerDown);
    return () => document.removeEventListener("mousedown", onPointerDown);
  }, [open]);

  function close(returnFocus: boolean) {
    setClosed();
    if (returnFocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLElement>) {
    const items = menuItemsIn(menuRef.current);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    let next: HTMLElement | undefined;
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
        close(true);
        return;
      case "Tab":
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    next?.focus();
  }

  return {
    close,
    buttonProps: {
      ref: buttonRef,
      type: "button",
      "aria-haspopup": "menu",
      "aria-expanded": open,
      "aria-controls": open ? menuId : undefined,
      onClick: (event: ReactMouseEvent<HTMLButtonElement>) => (open ? close(false) : setOpen(event.currentTarget)),
      onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          event.preventDefault();
          setOpen(event.currentTarget);
        }
      },
    } as const,
    menuProps: { ref: menuRef, id: menuId, role: "menu", onKeyDown: onMenuKeyDown } as const,
    /** Whether `node` is inside the menu. */
    contains,
  };
}
