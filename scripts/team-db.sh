#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster (Debian's `postgresql`, through
# `pg_virtualenv -t`), reached over TLS with a certificate from a throwaway CA, and dropped
# when the command ends. The command gets PGHOST/PGPORT/PGUSER/PGPASSWORD (the cluster's
# superuser), TEAM_TEST_CA (the CA that signed the server's certificate, for `localhost` only)
# and TEAM_TEST_OTHER_CA (a CA that signed nothing). Used by scripts/test.sh; by hand:
#   scripts/team-db.sh cargo test -p cashout-tests --features team-db --test team
set -euo pipefail
command -v pg_virtualenv >/dev/null || {
  echo "pg_virtualenv not found: install Debian's postgresql package (scripts/setup.sh does)" >&2
  exit 1
}
tls=$(mktemp -d)
trap 'rm -rf "$tls"' EXIT
chmod 755 "$tls"
cd "$tls"
quiet() { "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@"; exit 1; }; }
quiet openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Cashout Desk test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout ca.key -out ca.crt
quiet openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Another CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout other.key -out other.crt
quiet openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr
printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' > ext
quiet openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
  -extfile ext -out server.crt
rm -f ca.key other.key server.csr
chmod 644 ./*.crt
chmod 600 server.key
if [ "$(id -u)" = 0 ]; then chown postgres server.key server.crt; fi
cd - >/dev/null
export TEAM_TEST_CA="$tls/ca.crt" TEAM_TEST_OTHER_CA="$tls/other.crt"
pg_virtualenv -t -o ssl=on -o "ssl_cert_file=$tls/server.crt" -o "ssl_key_file=$tls/server.key" \
  -o max_connections=200 "$@"
