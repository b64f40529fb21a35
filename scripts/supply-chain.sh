#!/usr/bin/env bash
# The supply chain, checked (issue 15): cargo-deny over every crate the workspace builds
# (licenses, bans, sources, and the RustSec advisories; deny.toml says what is allowed and
# justifies each ignored advisory), and the npm packages the app ships.
#
# The advisory database comes from the snapshot in supply-chain/ (its commit and date in
# advisory-db.version): this machine and CI cannot reach GitHub. Where GitHub is reachable,
# `scripts/supply-chain.sh --refresh` replaces the snapshot with the current database.
set -euo pipefail
cd "$(dirname "$0")/.."
db=target/advisory-dbs/advisory-db-3157b0e258782691 # the directory cargo-deny names for RustSec's URL

if [ "${1:-}" = "--refresh" ]; then
  tmp=$(mktemp -d)
  git clone -q --depth 1 https://github.com/rustsec/advisory-db "$tmp/advisory-db"
  git -C "$tmp/advisory-db" archive --format=tar --prefix=advisory-db/ HEAD crates rust \
    support.toml LICENSE.txt README.md | gzip -9n > supply-chain/advisory-db.tar.gz
  git -C "$tmp/advisory-db" log -1 --format="%H %cI" > supply-chain/advisory-db.version
  rm -rf "$tmp"
  echo "snapshot refreshed: $(cat supply-chain/advisory-db.version)"
fi

# Tools are kept outside the clone, so each fresh clone on one machine does not build them
# again; a debug build, since an optimised one costs a new machine some 17 minutes of its CI
# run and a check takes seconds either way.
tools=${CASHOUT_CI_TOOLS:-$HOME/.cache/cashout-desk/ci-tools}
"$tools/bin/cargo-deny" --version 2>/dev/null | grep -q '^cargo-deny 0\.20\.' ||
  cargo install cargo-deny --version '^0.20' --locked --debug --force --root "$tools"

# The snapshot as the git repository cargo-deny reads, dated as the database it holds.
read -r commit date < supply-chain/advisory-db.version
rm -rf "$db" && mkdir -p "$db"
tar -xzf supply-chain/advisory-db.tar.gz -C "$db" --strip-components=1
git -C "$db" init -q
git -C "$db" add -A
GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" git -C "$db" -c user.name=snapshot \
  -c user.email=snapshot@localhost commit -q -m "RustSec advisory-db $commit"
echo "advisories: RustSec database at $commit ($date)"
"$tools/bin/cargo-deny" --offline check

# The npm packages the app ships (dependencies, not devDependencies). The registry's audit
# endpoint answers where it exists; where it does not (this machine's mirror answers 405), the
# shipped tree is checked to be exactly the packages the app needs (the IPC bridge and Project
# Fluent's runtime), with nothing under them: a new one must be added here on purpose.
if npm audit --omit=dev --audit-level=low >"${TMPDIR:-/tmp}/npm-audit.txt" 2>&1; then
  echo "npm audit (shipped packages): no finding"
elif grep -q "audit endpoint returned an error\|405\|ENOAUDIT" "${TMPDIR:-/tmp}/npm-audit.txt"; then
  shipped=$(npm ls --omit=dev --all --parseable | tail -n +2 | sed 's|.*/node_modules/||' | sort | tr '\n' ' ')
  if [ "$shipped" != "@fluent/bundle @tauri-apps/api " ]; then
    echo "the registry offers no audit, and the shipped npm packages are not just @fluent/bundle and @tauri-apps/api: $shipped" >&2
    exit 1
  fi
  echo "npm audit unavailable from this registry; the app ships two npm packages with no dependencies: @tauri-apps/api ($(node -p 'require("@tauri-apps/api/package.json").version')) and @fluent/bundle ($(node -p 'require("@fluent/bundle/package.json").version'))"
else
  cat "${TMPDIR:-/tmp}/npm-audit.txt" >&2
  exit 1
fi
