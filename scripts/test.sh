#!/usr/bin/env bash
# Runs every test: Rust unit and integration tests (loopback HTTP against the embedded sandbox,
# the CLI as a process), the keychain against a real Secret Service in a private D-Bus session,
# the team journal on a real PostgreSQL server (a throwaway cluster, over TLS), the UI's unit
# tests, and the end-to-end tests in the real app window (WebDriver, Xvfb).
# Nothing touches the user's keychain or data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export CARGO_TERM_COLOR=never
npm run build --silent
cargo test --workspace --locked
# The keychain test: a throwaway bus, keyring and data dir, so nothing touches the real ones.
kr_home=$(mktemp -d)
trap 'rm -rf "$kr_home"' EXIT
mkdir -m 700 "$kr_home/run"
XDG_DATA_HOME="$kr_home" XDG_RUNTIME_DIR="$kr_home/run" dbus-run-session -- sh -c '
  echo -n test-keyring-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  cargo test --locked -p cashout-tests --test it -- --ignored secret_service'
# The team journal: a throwaway PostgreSQL cluster from Debian's package; if it cannot start,
# this fails (the team-journal tests never skip).
scripts/team-db.sh cargo test --locked -p cashout-tests --features team-db --test team
scripts/team-db.sh cargo test --locked -p cashout-tests --features team-db --test team_restarts \
  -- --test-threads=1
scripts/team-db.sh scripts/team-demo.sh
npx vitest run
# The app for the real-window tests: built after `cargo test`, which leaves a dev-mode binary.
npx tauri build --debug --no-bundle
# tauri-driver is kept outside the clone, like cargo-deny (see scripts/supply-chain.sh).
export CASHOUT_CI_TOOLS=${CASHOUT_CI_TOOLS:-$HOME/.cache/cashout-desk/ci-tools}
[ -x "$CASHOUT_CI_TOOLS/bin/tauri-driver" ] ||
  cargo install tauri-driver --version '^2' --locked --force --root "$CASHOUT_CI_TOOLS"
# The real-window tests; their last phase puts the app on a team journal beside the CLI.
scripts/team-db.sh tests/e2e/run.sh
# The signed update on loopback: builds version N and N+1 as .deb packages, installs N, and
# updates it in the real window (tests/update/run.sh); last, as it rebuilds the app.
tests/update/run.sh
