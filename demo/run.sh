#!/usr/bin/env bash
# The main job: build recshell, create a demo database on the local PostgreSQL, load
# realistic sample data, and run a scripted session (find, dry run, delete, audit list).
# Usage: demo/run.sh [RECORDINGS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDINGS="${1:-100000}"
# Always the local PostgreSQL, whatever PG* variables the caller exported: this script drops
# and recreates its database.
unset PGHOSTADDR PGSERVICE PGSERVICEFILE PGOPTIONS PGPASSWORD PGPASSFILE
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
export PGDATABASE="${RECSHELL_DEMO_DB:-recshell_demo}"
case "$PGDATABASE" in
    postgres|template0|template1|*[!a-z0-9_]*|[0-9]*|"")
        echo "RECSHELL_DEMO_DB must be a plain lower-case database name of its own, not '$PGDATABASE'" >&2
        exit 2 ;;
esac

bash bin/ensure-postgres.sh

echo "== Building recshell"
mvn -q -B -DskipTests package

echo "== Creating database $PGDATABASE on $PGHOST:$PGPORT (dropped first if it exists)"
psql -q -d postgres -c "drop database if exists $PGDATABASE with (force)" -c "create database $PGDATABASE"

echo "== Loading $RECORDINGS sample recordings"
target/recshell demo load --recordings "$RECORDINGS"

echo "== Making the start-up cache of target/recshell (one training run)"
RECSHELL_TRAIN=1 target/recshell recordings find --recording-id 1 > /dev/null 2>&1 || true

echo "== Running demo/session.rsh"
target/recshell --echo --file demo/session.rsh
