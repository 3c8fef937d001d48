// Where the caret of an input or textarea is on screen, to anchor the reference picker there:
// a hidden copy of the field with the same text metrics, measured up to the caret.

const COPIED_STYLES = [
  "boxSizing",
  "width",
  "height",
  "overflowX",
  "overflowY",
  "borderTopWidth",
  "borderRightWidth",
  "borderBottomWidth",
  "borderLeftWidth",
  "borderStyle",
  "paddingTop",
  "paddingRight",
  "paddingBottom",
  "paddingLeft",
  "fontStyle",
  "fontVariant",
  "fontWeight",
  "fontStretch",
  "fontSize",
  "lineHeight",
  "fontFamily",
  "textAlign",
  "textTransform",
  "textIndent",
  "letterSpacing",
  "wordSpacing",
  "tabSize",
] as const;

export type CaretPoint = { left: number; top: number; height: number };

/** The caret's bottom-left corner in viewport coordinates (for a `position: fixed` popover). */
export function caretPoint(field: HTMLInputElement | HTMLTextAreaElement, position: number): CaretPoint {
  const box = field.getBoundingClientRect();
  const style = window.getComputedStyle(field);
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.25 || 20;
  const mirror = document.createElement("div");
  const isInput = field instanceof HTMLInputElement;
  for (const property of COPIED_STYLES) mirror.style[property] = style[property];
  mirror.style.position = "absolute";
  mirror.style.visibility = "hidden";
  mirror.style.top = "0";
  mirror.style.left = "-9999px";
  mirror.style.whiteSpace = isInput ? "pre" : "pre-wrap";
  mirror.style.overflowWrap = isInput ? "normal" : "break-word";
  mirror.textContent = field.value.slice(0, position);
  const marker = document.createElement("span");
  marker.textContent = field.value.slice(position) || ".";
  mirror.appendChild(marker);
  document.body.appendChild(mirror);
  const left = marker.offsetLeft;
  const top = marker.offsetTop;
  document.body.removeChild(mirror);
  const x = box.left + left - field.scrollLeft;
  const y = box.top + top - field.scrollTop;
  // Keep the point inside the field (a long line scrolled away, or a layout without metrics).
  return {
    left: Math.min(Math.max(x, box.left), box.right),
    top: Math.min(Math.max(y, box.top), box.bottom - lineHeight),
    height: lineHeight,
  };
}
