#!/usr/bin/env bash
# Team mode end to end with the CLI, on the throwaway PostgreSQL cluster that
# scripts/team-db.sh starts (run it as `scripts/team-db.sh scripts/team-demo.sh`): the
# administrator sets the team journal up and adds two operators, Ana and Bea; Ana pays a
# beneficiary on the embedded sandbox; Bea, on her own desk, sees that payout, and sending the
# same payout again is answered from the team journal (one cashout); the audit log names who
# did what, as the database signed them in; the chain verifies. Each of those is checked (the
# script fails otherwise), so scripts/test.sh runs it as the CLI's team-mode test.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PGHOST:?run this through scripts/team-db.sh}"
cargo build --locked -q -p cashout-cli
bin=target/debug/cashout
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
profile() { printf '{"host":"%s","port":%s,"database":"%s","user":"%s"}' \
  "$PGHOST" "${PGPORT:-5432}" "${PGDATABASE:-postgres}" "$1" > "$dir/$1.json"; }
profile "$PGUSER"; profile ana; profile bea
export CASHOUT_DATA_DIR="$dir/data"
as() { # as ROLE PASSWORD cashout-args… (the password goes through the environment only)
  local who=$1 pw=$2; shift 2
  echo "\$ [$who] cashout --team $who.json $*" >&2
  CASHOUT_TEAM_PASSWORD=$pw "$bin" --team "$dir/$who.json" "$@"
}
as "$PGUSER" "$PGPASSWORD" team init
echo "ana-demo-password" | as "$PGUSER" "$PGPASSWORD" team add-operator ana
echo "bea-demo-password" | as "$PGUSER" "$PGPASSWORD" team add-operator bea
cat >"$dir/payout.json" <<'JSON'
{
  "external_id": "team-demo-0001",
  "country": "BR", "currency": "BRL", "amount": "150.25",
  "document_id": "390.533.447-05", "beneficiary_name": "Ana Souza",
  "bank_code": "10000", "phone": "+5511987654321",
  "notification_url": "https://merchant.example/cashouts/notify"
}
JSON
check() { # check WHAT TEXT PATTERN: fails the script unless TEXT matches PATTERN
  if ! grep -qE "$3" <<<"$2"; then echo "FAILED: $1" >&2; echo "$2" >&2; exit 1; fi
}
sent=$(as ana ana-demo-password create --json "$dir/payout.json"); echo "$sent"
check "Ana's payout is created" "$sent" '"status":"PENDING"'
id=$(sed -E 's/.*"cashout_id":([0-9]+).*/\1/' <<<"$sent")
seen=$(as bea bea-demo-password list); echo "$seen"
check "Bea's desk sees Ana's payout" "$seen" "\"cashout_id\":$id,.*\"external_id\":\"team-demo-0001\""
again=$(as bea bea-demo-password create --json "$dir/payout.json"); echo "$again"
check "the same payout sent again is the same cashout" "$again" "\"cashout_id\":$id,"
log=$(as bea bea-demo-password audit list --all-environments); echo "$log"
check "the audit log names Ana as the database signed her in" "$log" '"os_user":"ana"'
check "and Bea's repeat as answered from the journal" "$log" \
  '"detail":"[^"]*answered from the journal[^"]*","environment":"sandbox"[^}]*"os_user":"bea"'
status=$(as bea bea-demo-password team status); echo "$status"
check "Bea is signed in as herself and the chain verifies" "$status" \
  '"intact":true.*"signed_in_as":"bea"'
echo "team demo: every check passed" >&2
