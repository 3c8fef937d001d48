import { describe, expect, it } from "vitest";
import { pickerPlacement } from "./pickerPlacement";

const WINDOW = { width: 1100, height: 720 };

describe("where the { picker goes", () => {
  it("sits under the caret when it fits", () => {
    expect(pickerPlacement({ left: 400, top: 200, height: 20 }, WINDOW)).toEqual({ left: 400, top: 224 });
  });

  it("moves left instead of running past the right edge (a long URL at 1100 px)", () => {
    const { left } = pickerPlacement({ left: 1010, top: 200, height: 20 }, WINDOW);
    expect(left).toBe(1100 - 300 - 8);
    expect(left + 300).toBeLessThanOrEqual(1100);
  });

  it("opens above the caret when there is no room below", () => {
    expect(pickerPlacement({ left: 400, top: 600, height: 20 }, WINDOW)).toEqual({ left: 400, top: 296 });
  });

  it("stays inside a window too small for either side", () => {
    const placed = pickerPlacement({ left: 500, top: 200, height: 20 }, { width: 310, height: 400 });
    expect(placed.left).toBe(8);
    expect(placed.top).toBe(400 - 8 - 300);
  });
});
