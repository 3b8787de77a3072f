#!/usr/bin/env bash
# The main job: build recshell, create a demo database on the local PostgreSQL, load
# realistic sample data, and run a scripted session (find, dry run, delete, audit list).
# Usage: demo/run.sh [RECORDINGS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDINGS="${1:-100000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${RECSHELL_DEMO_DB:-recshell_demo}"

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
