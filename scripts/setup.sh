#!/usr/bin/env bash
# Installs what Cashout Desk needs on Debian/Ubuntu (idempotent, sudo when not root):
# - build: a C compiler (SQLite is built in), the WebKitGTK and GTK development packages Tauri
#   links against, and the npm packages of the UI (from the lockfile);
# - tests: Xvfb and WebKitWebDriver for the real-window tests, and a D-Bus session bus with
#   gnome-keyring (the real Secret Service) for the keychain tests, and PostgreSQL (Debian's
#   package; the team-journal tests start a throwaway cluster with pg_virtualenv) with openssl
#   for their TLS certificates; tzdata, the time zone database the list's periods are computed
#   with; xclip, which the real-window test reads the clipboard back with; xdotool, with which
#   it types a file's path into the shell's save dialog; sudo, through which the updater runs
#   dpkg when it installs a .deb (tests/update/run.sh).
# Rust (cargo) and Node.js >= 20.19 must already be installed; it says so if they are not.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
packages=(build-essential pkg-config curl file libssl-dev libxdo-dev libwebkit2gtk-4.1-dev
  libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver dbus dbus-daemon
  gnome-keyring libsecret-1-0 postgresql postgresql-common openssl tzdata xclip xdotool sudo)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: install Rust (https://rustup.rs) and run this again" >&2
  exit 1
fi
if ! command -v node >/dev/null 2>&1; then
  echo "node not found: install Node.js 20.19 or newer and run this again" >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
