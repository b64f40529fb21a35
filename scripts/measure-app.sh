#!/usr/bin/env bash
# Measures the release build of Cashout Desk beside a bare Tauri hello-world built with the same
# toolchain in the same run (tools/hello-world): cold start to the first painted form, idle
# memory of all the app's processes (PSS of the app and its WebKit children), and the .deb
# size. Prints the figures and the ratios. Targets: start <= 1.2x, memory <= 1.3x, .deb <= 10 MiB.
# Not a test: run it and read the figures. RUNS=5 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
app=$PWD/target/release/cashout-desk
hello=$PWD/target/release/hello-desk

if [ "${1:-}" != "--inner" ]; then
  scripts/setup.sh
  echo "== building (release)" >&2
  npx tauri build --bundles deb >&2
  (cd tools/hello-world && cargo build --release --features custom-protocol --target-dir ../../target >&2)
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -m 700 "$tmp/run"
  # A throwaway HOME, session bus and X server: nothing touches the user's data or keyring.
  HOME="$tmp" XDG_RUNTIME_DIR="$tmp/run" NO_AT_BRIDGE=1 RUNS="$RUNS" dbus-run-session -- sh -c '
    echo -n measure-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    xvfb-run -a -s "-screen 0 1280x800x24" bash scripts/measure-app.sh --inner'
  exit 0
fi
deb=$(ls -t target/release/bundle/deb/*.deb | head -n 1)

# PSS in KiB of a process and all its descendants (WebKitWebProcess, WebKitNetworkProcess, ...).
pss_tree() {
  local total=0 pid
  for pid in $(tree_pids "$1"); do
    local kb
    kb=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}
tree_pids() {
  echo "$1"
  local child
  for child in $(pgrep -P "$1" || true); do tree_pids "$child"; done
}

# One run: start the binary, wait for "painted <ms>", wait for idle, read memory, stop it.
# Prints "<start_ms> <pss_kib>".
one_run() {
  local bin=$1 out data
  out=$(mktemp)
  data=$(mktemp -d)
  local t0
  t0=$(date +%s%3N)
  CASHOUT_PAINT_PROBE=1 CASHOUT_DATA_DIR="$data" "$bin" >"$out" 2>/dev/null &
  local pid=$!
  local painted=""
  for _ in $(seq 1 300); do
    painted=$(awk '/^painted / {print $2; exit}' "$out")
    [ -n "$painted" ] && break
    sleep 0.05
  done
  sleep 5
  local pss
  pss=$(pss_tree "$pid")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$out" "$data"
  [ -n "$painted" ] || { echo "never painted: $bin" >&2; echo "0 0"; return; }
  echo "$((painted - t0)) $pss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {
  local bin=$1 starts=() mems=() line
  for _ in $(seq 1 "$RUNS"); do
    line=$(one_run "$bin")
    starts+=("${line% *}")
    mems+=("${line#* }")
  done
  echo "$(printf '%s\n' "${starts[@]}" | median) $(printf '%s\n' "${mems[@]}" | median)"
}

read -r app_start app_mem < <(measure "$app")
read -r hello_start hello_mem < <(measure "$hello")
# Cashout Desk turns WebKitGTK's GPU compositing off (src-tauri/src/main.rs). The same setting
# for the hello-world gives the like-for-like ratio, printed beside the plain one.
read -r hello_sw_start hello_sw_mem < <(export WEBKIT_DISABLE_COMPOSITING_MODE=1; measure "$hello")
deb_bytes=$(stat -c %s "$deb")
ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
echo "runs per app: $RUNS (medians)"
echo "cold start to first painted form: cashout-desk ${app_start} ms, hello-world ${hello_start} ms, ratio $(ratio "$app_start" "$hello_start") (target <= 1.20)"
echo "  like for like (hello-world also without GPU compositing: ${hello_sw_start} ms): ratio $(ratio "$app_start" "$hello_sw_start")"
echo "idle memory (PSS, all processes): cashout-desk $((app_mem / 1024)) MiB, hello-world $((hello_mem / 1024)) MiB, ratio $(ratio "$app_mem" "$hello_mem") (target <= 1.30)"
echo "  like for like (hello-world without GPU compositing: $((hello_sw_mem / 1024)) MiB): ratio $(ratio "$app_mem" "$hello_sw_mem")"
echo ".deb: $(basename "$deb") $(awk "BEGIN {printf \"%.1f\", $deb_bytes / 1048576}") MiB (target <= 10 MiB)"
