import type { KeyboardEvent } from "react";

/**
 * Enter in a one-line input or on a radio submits the form (text inputs do this natively
 * too; radios and checkboxes do not). Textareas keep Enter for new lines.
 */
export function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
