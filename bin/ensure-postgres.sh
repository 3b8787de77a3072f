#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432: installs Debian's package if it
# is missing, starts the cluster if it is down. Used by demo/run.sh and .ci/run.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL is not installed; installing it with apt-get"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgresql-contrib
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "Starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    for _ in $(seq 1 30); do
        pg_isready -h 127.0.0.1 -p 5432 -q && break
        sleep 1
    done
fi
pg_isready -h 127.0.0.1 -p 5432
