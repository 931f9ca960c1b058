#!/usr/bin/env bash
# PostgreSQL for the tests that need one: installs Debian's `postgresql` when missing, starts its
# cluster (Debian's default listens on localhost and the local socket only), creates the role
# `creditbot` (allowed to create the throw-away databases each test file uses), and prints the URL
# for CREDIT_BOT_TEST_DATABASE_URL on stdout. Progress goes to stderr.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing postgresql (Debian package)…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$ver main"; then
  pg_createcluster "$ver" main >&2
fi
if ! pg_lsclusters -h | awk '$1=="'"$ver"'" && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$ver" main start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
psql_root() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -c \"$1\""; }
if [ "$(psql_root "SELECT 1 FROM pg_roles WHERE rolname = 'creditbot'")" != "1" ]; then
  psql_root "CREATE ROLE creditbot LOGIN CREATEDB PASSWORD 'creditbot'" >&2
fi
if [ "$(psql_root "SELECT 1 FROM pg_database WHERE datname = 'creditbot'")" != "1" ]; then
  psql_root "CREATE DATABASE creditbot OWNER creditbot" >&2
fi
echo "postgres://creditbot:creditbot@127.0.0.1:5432/creditbot"
