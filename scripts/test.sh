#!/usr/bin/env bash
# Runs every test: unit, integration over loopback HTTP, the CLI as a process, and the keychain
# round-trip against a real Secret Service in a private D-Bus session (never the user's keyring).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export CARGO_TERM_COLOR=never
cargo test --workspace --locked
# The keychain test: a throwaway bus, keyring and data dir, so nothing touches the real ones.
kr_home=$(mktemp -d)
trap 'rm -rf "$kr_home"' EXIT
mkdir -m 700 "$kr_home/run"
XDG_DATA_HOME="$kr_home" XDG_RUNTIME_DIR="$kr_home/run" dbus-run-session -- sh -c '
  echo -n test-keyring-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  cargo test --locked -p cashout-tests --test it -- --ignored secret_service'
