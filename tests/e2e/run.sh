#!/usr/bin/env bash
# Runs the end-to-end tests in the real window: a throwaway HOME and data directory, a private
# D-Bus session with an unlocked gnome-keyring (the real Secret Service), and Xvfb. Expects the
# app built with `npx tauri build --debug --no-bundle` and tauri-driver (scripts/test.sh
# installs it in ~/.cache/cashout-desk/ci-tools).
set -euo pipefail
cd "$(dirname "$0")/../.."
export APP_BIN=${APP_BIN:-$PWD/target/debug/cashout-desk}
export TAURI_DRIVER=${TAURI_DRIVER:-${CASHOUT_CI_TOOLS:-$HOME/.cache/cashout-desk/ci-tools}/bin/tauri-driver}
export SCREENSHOT_DIR=${SCREENSHOT_DIR:-$PWD/docs/screenshots}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/data" && mkdir -m 700 "$tmp/run"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/home/.local/share" NO_AT_BRIDGE=1
export CASHOUT_DATA_DIR="$tmp/data"
export CASHOUT_SANDBOX_DELIVER_AFTER_SECS=2 CASHOUT_SANDBOX_COMPLETE_AFTER_SECS=2
# The watcher's schedule 20 times faster: PENDING is polled every ~1.5 s.
export CASHOUT_WATCH_SCALE=0.05
# WebKitWebDriver takes screenshots through WebKit's compositor: keep it on under test (the app
# turns it off by default, see src-tauri/src/main.rs; "0" means on).
export WEBKIT_DISABLE_COMPOSITING_MODE=${WEBKIT_DISABLE_COMPOSITING_MODE:-0}
dbus-run-session -- sh -c '
  echo -n e2e-keyring-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  status=0
  for script in ${E2E_SCRIPT:-tests/e2e/desk.e2e.mjs tests/e2e/batch.e2e.mjs}; do
    xvfb-run -a -s "-screen 0 1280x800x24" node "$script" || status=1
  done
  exit $status'  # E2E_SCRIPT: run another script (or several) the same way
