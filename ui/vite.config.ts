import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Tauri loads the built files from disk under a strict CSP (`default-src 'self'`):
// relative asset paths, no inline scripts or styles, no remote content.
export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    // The whole-page tests take seconds on a loaded 2-core CI machine; 5 s (the default) flaked.
    testTimeout: 20_000,
    // Stylesheets read as text (`?raw`, tokens.test.ts) keep their content; imported ones stay empty.
    css: { include: [/\.css\?raw$/] },
  },
});
