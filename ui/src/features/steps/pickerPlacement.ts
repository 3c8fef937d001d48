import type { CaretPoint } from "./caretPosition";

/** The picker's box (references.css: `.ref-picker` width and max-height). */
export const PICKER_SIZE = { width: 300, height: 300 } as const;

/** Space kept between the picker and the window's edges, and between the caret and the picker. */
const MARGIN = 8;
const GAP = 4;

type Size = { width: number; height: number };

/**
 * Where the `{` picker goes so that it stays inside the window: under the caret, shifted left
 * when it would run past the right edge, and above the caret when there is no room below.
 */
export function pickerPlacement(
  anchor: CaretPoint,
  viewport: Size,
  picker: Size = PICKER_SIZE,
): { left: number; top: number } {
  const maxLeft = viewport.width - picker.width - MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));

  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - picker.height;
  let top = below;
  if (below + picker.height > viewport.height - MARGIN) {
    top = above >= MARGIN ? above : Math.max(MARGIN, viewport.height - MARGIN - picker.height);
  }
  return { left, top };
}
