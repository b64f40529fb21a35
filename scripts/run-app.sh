#!/usr/bin/env bash
# The main job: installs what is needed, builds the desktop app (release) and starts it. It
# opens on the embedded sandbox, so everything can be tried without credentials.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
npx tauri build --no-bundle
exec target/release/cashout-desk
