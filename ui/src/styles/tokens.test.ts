import { describe, expect, it } from "vitest";

// Every stylesheet of the app, as text.
const sheets = import.meta.glob<string>("../**/*.css", { query: "?raw", import: "default", eager: true });
const TOKENS = "./tokens.css";
const tokens = sheets[TOKENS] ?? "";

/** The custom properties a block of tokens.css defines, in order. */
function tokenNames(block: string): string[] {
  return Array.from(block.matchAll(/(--[a-z0-9-]+):/g), (match) => match[1] ?? "");
}

function block(selector: string): string {
  const start = tokens.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`tokens.css has no ${selector} block`);
  return tokens.slice(start, tokens.indexOf("}", start));
}

describe("colour tokens", () => {
  it("leaves colours to tokens.css: no other stylesheet names one", () => {
    expect(Object.keys(sheets)).toContain("../features/steps/steps.css");
    const offenders = Object.entries(sheets)
      .filter(([path]) => path !== TOKENS)
      .flatMap(([path, text]) =>
        (text.match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|\b(white|black)\b(?!-)/gi) ?? []).map((hit) => `${path}: ${hit}`),
      );
    expect(offenders).toEqual([]);
  });

  it("gives the dark theme every colour the light one has, in one block that the system choice shares", () => {
    const light = block(":root").split("\n").filter((line) => /--[a-z-]+: (#|rgba|0 8px)/.test(line)).join("\n");
    const dark = tokenNames(block(':root[data-theme="dark"]'));
    expect([...tokenNames(light)].sort()).toEqual([...dark].sort());
    expect(block(':root[data-theme="dark"]').replace(/\s+/g, " ")).toContain("--bg: #0f0f11;");
    // theme.ts resolves "system" to light or dark, so no media query repeats the dark tokens.
    expect(tokens).not.toContain("prefers-color-scheme");
    expect(tokens.match(/--bg:/g)).toHaveLength(2);
  });
});
