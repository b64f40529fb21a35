#!/usr/bin/env bash
# The main job, end to end: builds the `cashout` CLI and, against the embedded sandbox, creates a
# Brazilian PIX payout, checks it, holds it, releases it and cancels it. Uses a fresh journal in
# a temporary directory unless CASHOUT_DEMO_DIR is set.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --locked --release -p cashout-cli
bin=target/release/cashout
dir=${CASHOUT_DEMO_DIR:-$(mktemp -d)}
journal="$dir/journal.sqlite3"
cat >"$dir/payout.json" <<'JSON'
{
  "country": "BR", "currency": "BRL", "amount": "150.25",
  "document_id": "390.533.447-05", "beneficiary_name": "Ana Souza",
  "bank_code": "10000", "phone": "+5511987654321",
  "notification_url": "https://merchant.example/cashouts/notify"
}
JSON
step() { echo "\$ cashout $*" >&2; "$bin" --journal "$journal" "$@"; }
created=$(step create --json "$dir/payout.json"); echo "$created"
id=$(echo "$created" | sed -E 's/.*"cashout_id":([0-9]+).*/\1/')
step status --id "$id"
step hold --id "$id"
step release --id "$id"
step cancel --id "$id"
step list
echo "journal: $journal" >&2
