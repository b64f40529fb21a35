import { defineConfig } from "vitest/config";

// The UI lives in ui/ and builds to dist/, which src-tauri/tauri.conf.json embeds.
// The window shows journal instants on the machine's clock: the tests run on a known one (São
// Paulo, UTC−3, no daylight saving since 2019) so a moment's local day and hour are checked.
process.env.TZ = "America/Sao_Paulo";

export default defineConfig({
  root: "ui",
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022" },
  server: { port: 1420, strictPort: true },
  test: { environment: "happy-dom", include: ["src/**/*.test.ts"], root: "ui" },
});
