import { defineConfig } from "vitest/config";

// The UI lives in ui/ and builds to dist/, which src-tauri/tauri.conf.json embeds.
export default defineConfig({
  root: "ui",
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022" },
  server: { port: 1420, strictPort: true },
  test: { environment: "happy-dom", include: ["src/**/*.test.ts"], root: "ui" },
});
