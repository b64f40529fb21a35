#!/usr/bin/env bash
# The signed automatic update, proven end to end on loopback (issue 15): a throwaway key pair;
# version N and N+1 of the app built as .deb packages, N+1 signed by `tauri build` with that
# key (its signature binds the version); N installed with apt; then, in the real window of the
# installed N (tests/e2e/update.e2e.mjs, which serves the manifest and packages from
# 127.0.0.1): a package changed by one byte is refused, a manifest announcing another version
# than the signed one is refused, an older version is never offered, and the good update is
# offered, downloaded, verified and installed (dpkg through sudo, as root), after which the
# app is N+1. Runs as root (installs packages); removes the app afterwards.
#
# Builds two debug packages (about 2 minutes on 2 cores): run after the other tests, as the
# build replaces target/debug/cashout-desk.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
work=$(mktemp -d)
trap '$SUDO dpkg -r cashout-desk >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

if dpkg-query -W cashout-desk >/dev/null 2>&1; then
  echo "cashout-desk is installed on this machine: remove it first (this test installs and removes it)" >&2
  exit 1
fi

# A throwaway key, in the test's own overlay only: .ci/run checks that the shipping config
# carries the release key and no dangerous* option.
npx tauri signer generate -w "$work/key" -p "" --ci >/dev/null
pub=$(cat "$work/key.pub")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
current=$(node -p 'require("./src-tauri/tauri.conf.json").version')
next=$(node -p 'const [a, b, c] = process.argv[1].split(".").map(Number); `${a}.${b}.${c + 1}`' "$current")

export TAURI_SIGNING_PRIVATE_KEY
TAURI_SIGNING_PRIVATE_KEY=$(cat "$work/key")
export TAURI_SIGNING_PRIVATE_KEY_PASSWORD=""
build() { # version → the .deb's path
  local version=$1
  cat > "$work/overlay-$version.json" <<JSON
{ "version": "$version",
  "bundle": { "createUpdaterArtifacts": true },
  "plugins": { "updater": { "pubkey": "$pub", "endpoints": ["http://127.0.0.1:$port/latest.json"] } } }
JSON
  rm -rf target/debug/bundle/deb
  npx tauri build --debug --bundles deb --config "$work/overlay-$version.json" >"$work/build-$version.log" 2>&1 \
    || { tail -30 "$work/build-$version.log" >&2; exit 1; }
  local deb
  deb=$(ls target/debug/bundle/deb/*.deb)
  cp "$deb" "$work/cashout-desk-$version.deb"
  [ -f "$deb.sig" ] && cp "$deb.sig" "$work/cashout-desk-$version.deb.sig"
  echo "$work/cashout-desk-$version.deb"
}
start=$(date +%s)
deb_now=$(build "$current")
deb_next=$(build "$next")
echo "update: built $current and $next in $(( $(date +%s) - start )) s"
[ -f "$deb_next.sig" ] || { echo "no signature was made for $next" >&2; exit 1; }

$SUDO apt-get install -y -qq --allow-downgrades "$deb_now" >/dev/null
command -v sudo >/dev/null || { echo "sudo is needed for the updater to run dpkg" >&2; exit 1; }

export APP_BIN=/usr/bin/cashout-desk UPDATE_PORT=$port UPDATE_CURRENT_VERSION=$current \
  UPDATE_NEXT_VERSION=$next UPDATE_DEB=$deb_next UPDATE_SIG=$deb_next.sig
E2E_SCRIPT=tests/e2e/update.e2e.mjs tests/e2e/run.sh
