#!/usr/bin/env bash
# Deleting at scale: recshell's batched delete (dry run, batches that archive and audit,
# closing entry) against one raw DELETE in psql, on two identical copies of a database of
# generated recordings, while a concurrent session (pgbench) keeps updating random rows of
# the set being deleted; the longest time one of its updates waited is the longest any
# row it touched stayed locked. Appends a dated section with the machine to
# docs/benchmarks.md; raw output goes to bench/results/. Not a test: figures, no verdict.
#
# Usage: bench/delete-at-scale.sh [RECORDINGS] [TO_DELETE]   (default 4000000 2000000)
# Databases: ${RECSHELL_BENCH_DB:-recshell_bench}_src (kept, reused when it holds RECORDINGS
# rows), _raw and _recshell (copies, dropped at the end), on PGHOST (default 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDINGS="${1:-4000000}"
TO_DELETE="${2:-2000000}"
PREFIX="${RECSHELL_BENCH_DB:-recshell_bench}"
SRC="${PREFIX}_src" RAW="${PREFIX}_raw" RS="${PREFIX}_recshell"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
OUT="bench/results/delete-at-scale-$(date -u +%Y%m%dT%H%M%SZ)"
PROBE_CLIENTS=2 PROBE_RATE=400
mkdir -p "$OUT"

[ -f target/recshell.jar ] || mvn -q -B -DskipTests package
sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ms_as_s() { awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }

echo "== Source database $SRC with $RECORDINGS recordings"
if [ "$(sql -d "$SRC" -c 'select count(*) from recordings' 2>/dev/null || true)" != "$RECORDINGS" ]; then
    sql -d postgres -c "drop database if exists $SRC with (force)" -c "create database $SRC"
    PGDATABASE="$SRC" RECSHELL_LOG="$OUT/load.log" target/recshell demo load --recordings "$RECORDINGS"
fi
sql -d "$SRC" -c "vacuum analyze recordings"

# Ids follow time in the generated data, so the oldest TO_DELETE recordings are ids 1..N.
till=$(sql -d "$SRC" -c "select extract(epoch from datetime)::bigint from recordings
                         order by datetime, id offset $((TO_DELETE - 1)) limit 1")
predicate="datetime < to_timestamp($till + 1) at time zone 'UTC'"
matched=$(sql -d "$SRC" -c "select count(*) from recordings where $predicate")
last_id=$(sql -d "$SRC" -c "select max(id) from recordings where $predicate")
echo "   --date-till $till matches $matched recordings (ids 1..$last_id)"

echo "== Two identical copies: $RAW and $RS"
for db in "$RAW" "$RS"; do
    sql -d postgres -c "drop database if exists $db with (force)" -c "create database $db template $SRC"
    if [ "$(sql -d "$db" -c "select count(*) from pg_available_extensions where name = 'pg_prewarm'")" = 1 ]; then
        sql -d "$db" -c "create extension if not exists pg_prewarm" \
            -c "select pg_prewarm(c.oid, 'read') from pg_class c where c.relname like 'recordings%'" > /dev/null
    else
        sql -d "$db" -c "select count(*) from recordings" > /dev/null
    fi
done

echo "== Start-up of a trivial one-shot command (median of 3)"
PGDATABASE="$RS" RECSHELL_TRAIN=1 target/recshell recordings find --recording-id 1 > /dev/null 2>&1 || true
startup=$(for _ in 1 2 3; do
    s=$(now); PGDATABASE="$RS" target/recshell recordings find --recording-id 1 > /dev/null; e=$(now); secs "$s" "$e"
    echo
done | sort -n | sed -n 2p)

printf '\\set id random(1, %s)\nupdate recordings set comment = :id where id = :id;\n' "$last_id" > "$OUT/probe.sql"
probe_start() {  # database, name: updates random rows of the set at a steady rate
    pgbench -n -c "$PROBE_CLIENTS" -R "$PROBE_RATE" -T 3600 -l --log-prefix="$OUT/$2" -f "$OUT/probe.sql" "$1" \
        > "$OUT/$2.out" 2>&1 &
    probe_pid=$!
    sleep 3
}
probe_stop() {  # a few seconds more, so that every update of the delete's time is logged
    sleep 3
    kill -TERM "$probe_pid"
    wait "$probe_pid" || true
}
probe_summary() {  # longest wait (ms, schedule lag taken out), probes, probes that waited over 100 ms
    cat "$OUT/$1".[0-9]* | awk 'NF >= 7 { w = $3 - $7; n++; if (w > m) m = w; if (w > 100000) slow++ }
        END { printf "%.0f %d %d", m / 1000, n, slow }'
}

echo "== Raw DELETE in psql (one transaction), with the prober"
sql -d "$RAW" -c checkpoint
probe_start "$RAW" probe-raw
load_raw=$(loadavg)
s=$(now)
sql -d "$RAW" -c "delete from recordings where $predicate"
e=$(now)
probe_stop
raw=$(secs "$s" "$e")
raw_ms=$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
read -r raw_wait raw_probes raw_slow <<< "$(probe_summary probe-raw)"

echo "== recshell recordings delete --date-till $till --expect $matched, with the prober"
sql -d "$RS" -c checkpoint
probe_start "$RS" probe-recshell
load_rs=$(loadavg)
s=$(now)
PGDATABASE="$RS" RECSHELL_LOG="$OUT/recshell.log" \
    target/recshell recordings delete --date-till "$till" --expect "$matched" > "$OUT/recshell.out"
e=$(now)
probe_stop
wall=$(secs "$s" "$e")
read -r rs_wait rs_probes rs_slow <<< "$(probe_summary probe-recshell)"
less_startup=$(secs "$startup" "$wall")

left_raw=$(sql -d "$RAW" -c "select count(*) from recordings")
left_rs=$(sql -d "$RS" -c "select count(*) from recordings")
archived=$(sql -d "$RS" -c "select count(*) from recshell.archive_1")
batches=$(sql -d "$RS" -c "select count(*) from recshell.audit_log where action = 'delete_batch'")
dry_run_ms=$(grep -o 'taken in [0-9]* ms' "$OUT/recshell.log" | tail -1 | grep -o '[0-9]*')
batches_ms=$(grep -o 'deleting ended after .* in [0-9]* ms' "$OUT/recshell.log" | tail -1 | grep -o '[0-9]* ms$' \
    | grep -o '[0-9]*')
closing_ms=$(grep -o 'closing took [0-9]* ms' "$OUT/recshell.log" | tail -1 | grep -o '[0-9]*')
longest_batch_ms=$(grep -o 'longest batch [0-9]* ms' "$OUT/recshell.log" | tail -1 | grep -o '[0-9]*')
grep -E 'dry run|RunProgress|closing took' "$OUT/recshell.log" > "$OUT/phases.txt" || true
archive_size=$(sql -d "$RS" -c "select pg_size_pretty(pg_total_relation_size('recshell.archive_1'))")
[ "$left_raw" = "$left_rs" ] && [ "$archived" = "$matched" ] || echo "WARNING: copies differ after the deletes"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
{
    echo
    echo "## Deleting at scale: $matched of $RECORDINGS recordings ($(date -u +%Y-%m-%d))"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), PostgreSQL" \
         "$(sql -d "$RS" -c 'show server_version'); shared by other work: load average" \
         "$load_raw before the raw DELETE, $load_rs before recshell's. Run by bench/delete-at-scale.sh;" \
         "prober: pgbench, $PROBE_CLIENTS clients, $PROBE_RATE updates/s in all on random rows of the set."
    echo
    echo "| what | raw DELETE (psql) | recshell delete |"
    echo "| --- | --- | --- |"
    echo "| wall time, s | $raw | $wall |"
    echo "| less start-up of a trivial one-shot command ($startup s), s | | $less_startup |"
    echo "| ratio to the raw DELETE (less start-up / whole wall time) | 1 | $(ratio "$less_startup" "$raw") / $(ratio "$wall" "$raw") |"
    echo "| dry run / batches / closing, s | | $(ms_as_s "$dry_run_ms") / $(ms_as_s "$batches_ms") / $(ms_as_s "$closing_ms") |"
    echo "| batches (transactions, each with an audit entry) | 1 | $batches |"
    echo "| rows archived (size of the archive table) | 0 | $archived ($archive_size) |"
    echo "| longest wait of a prober update (a row's lock), ms | $raw_wait | $rs_wait |"
    echo "| longest transaction holding deleted rows, ms | $raw_ms | $longest_batch_ms (longest batch) |"
    echo "| prober updates / of them waited over 100 ms | $raw_probes / $raw_slow | $rs_probes / $rs_slow |"
    echo
    echo "Where recshell's time goes and what bounds it: docs/deleting-at-scale.md, \"Speed, and what bounds it\"."
} | tee -a docs/benchmarks.md

sql -d postgres -c "drop database if exists $RAW with (force)" -c "drop database if exists $RS with (force)"
echo "Raw output in $OUT"
