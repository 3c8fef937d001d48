import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReferencePicker } from "./ReferencePicker";

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderAt(left: number, top: number) {
  render(
    <ReferencePicker
      listId="picker"
      anchor={{ left, top, height: 20 }}
      tab="secrets"
      query=""
      entries={[]}
      active={0}
      onTab={() => undefined}
      onChoose={() => undefined}
    />,
  );
  return screen.getByTestId("reference-picker");
}

describe("the { picker in a 1100×720 window", () => {
  it("opens under the caret", () => {
    vi.stubGlobal("innerWidth", 1100);
    vi.stubGlobal("innerHeight", 720);
    const picker = renderAt(300, 120);
    expect(picker.style.left).toBe("300px");
    expect(picker.style.top).toBe("144px");
  });

  it("does not run past the right edge when the caret is at the end of a long URL", () => {
    vi.stubGlobal("innerWidth", 1100);
    vi.stubGlobal("innerHeight", 720);
    const picker = renderAt(1040, 120);
    expect(picker.style.left).toBe("792px");
  });
});
