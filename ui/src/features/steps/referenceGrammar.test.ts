import { describe, expect, it } from "vitest";
import { insertReference, openReferenceAt, opensReference, referencedNames, tokenize } from "./referenceGrammar";

// The same cases as the core's reference.rs tests: the mirror must agree with the parser.
describe("the {NAME} grammar mirror", () => {
  it("splits literals and references", () => {
    expect(tokenize("Bearer {API_KEY} at {BASE_URL}/v1")).toEqual([
      { kind: "text", text: "Bearer ", start: 0 },
      { kind: "reference", name: "API_KEY", text: "{API_KEY}", start: 7, end: 16 },
      { kind: "text", text: " at ", start: 16 },
      { kind: "reference", name: "BASE_URL", text: "{BASE_URL}", start: 20, end: 30 },
      { kind: "text", text: "/v1", start: 30 },
    ]);
  });

  it("takes only well-formed names as references", () => {
    for (const literal of ["{}", "{ X }", "{X }", "{1X}", "{X-Y}", "{X", "X}", '{"a":1}', "{É}", "{{}}"]) {
      expect(referencedNames(literal), literal).toEqual([]);
      expect(tokenize(literal).map((token) => token.text).join("")).toBe(literal);
    }
    expect(referencedNames(`{${"N".repeat(128)}}`)).toHaveLength(1);
    expect(referencedNames(`{${"N".repeat(129)}}`)).toHaveLength(0);
  });

  it("finds the inner reference of nested braces, and none after a backslash", () => {
    expect(referencedNames("{{A}}")).toEqual(["A"]);
    expect(referencedNames("\\{A}")).toEqual([]);
    expect(referencedNames("\\\\{A}")).toEqual([]);
    expect(referencedNames('{"token": "{TOKEN}", "n": {"a": 1}}')).toEqual(["TOKEN"]);
  });

  it("knows when a typed brace opens a reference and what is being typed after it", () => {
    expect(opensReference("a{", 1)).toBe(true);
    expect(opensReference("a\\{", 2)).toBe(false);
    expect(openReferenceAt("x {API", 6, 2)).toEqual({ start: 2, query: "API" });
    expect(openReferenceAt("x {API K", 8, 2)).toBeNull();
    expect(openReferenceAt('{"', 2, 0)).toBeNull();
    expect(openReferenceAt("x {", 1, 2)).toBeNull();
  });

  it("inserts {NAME} over the brace and the typed part", () => {
    expect(insertReference("Bearer {AP", 7, 10, "API_KEY")).toEqual({ text: "Bearer {API_KEY}", caret: 16 });
    expect(insertReference("a {} b", 2, 3, "X")).toEqual({ text: "a {X} b", caret: 5 });
  });
});
