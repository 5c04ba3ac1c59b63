#!/usr/bin/env bash
# Install (Debian's package) and start a PostgreSQL server for the store tests; print the URL to test against.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | grep -q .; then
  pg_createcluster "$version" main >&2
fi
cluster=$(pg_lsclusters -h | head -n 1 | awk '{print $1" "$2}')
pg_ctlcluster $cluster start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='storyline'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE storyline LOGIN PASSWORD 'storyline'\"" >&2
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='storyline_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O storyline storyline_test" >&2
echo "postgresql+psycopg://storyline:storyline@127.0.0.1:5432/storyline_test"
