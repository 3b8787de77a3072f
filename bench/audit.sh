#!/usr/bin/env bash
# The audit log's costs: the append per command (one recshell process, then two at once), and
# audit verify (plus export and the Python check of docs/audit-log.md) on a million entries.
# Creates its own database (RECSHELL_BENCH_DB, default recshell_bench_audit) on the local
# PostgreSQL as user postgres, drops it at the end, and appends a dated section with the
# machine to docs/benchmarks.md.
# Usage: bench/audit.sh [COMMANDS_PER_PROCESS] [ENTRIES]   (defaults 500 and 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
COMMANDS="${1:-500}"
ENTRIES="${2:-1000000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${RECSHELL_BENCH_DB:-recshell_bench_audit}"
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -X -q -d postgres -c "drop database if exists $PGDATABASE with (force)"' EXIT

[ -x target/recshell ] || mvn -q -B -DskipTests package
recshell=target/recshell

load=$(cut -d' ' -f1-3 /proc/loadavg)
psql -X -q -d postgres -c "drop database if exists $PGDATABASE with (force)" -c "create database $PGDATABASE"
RECSHELL_LOG="$work/load.log" $recshell demo load --recordings 1000 > /dev/null

# Percentiles of the numbers on standard input: "median p90 p99 max".
percentiles() {
    sort -n | awk '{a[NR] = $1} END {printf "%s %s %s %s\n", a[int((NR + 1) / 2)], a[int(NR * 0.9 + 0.5)],
        a[int(NR * 0.99 + 0.5)], a[NR]}'
}
append_micros() {  # log file -> one number per line, the append and commit of each entry in microseconds
    sed -n 's/.*appended and committed in \([0-9]*\) us.*/\1/p' "$1"
}
seconds() { date +%s.%N; }
since() { awk -v start="$1" -v now="$(seconds)" 'BEGIN {printf "%.1f", now - start}'; }

# 1. The append per command. Every command of the script is audited; recshell logs how long
#    the transaction that appends its entry took, from begin to commit.
for _ in $(seq "$COMMANDS"); do echo "audit show 1"; done > "$work/script.rsh"
start=$(seconds)
RECSHELL_LOG="$work/one.log" $recshell --file "$work/script.rsh" > /dev/null
one_wall=$(since "$start")
read -r one_med one_p90 one_p99 one_max < <(append_micros "$work/one.log" | percentiles)

start=$(seconds)
RECSHELL_LOG="$work/two-a.log" $recshell --file "$work/script.rsh" > /dev/null &
RECSHELL_LOG="$work/two-b.log" $recshell --file "$work/script.rsh" > /dev/null &
wait
two_wall=$(since "$start")
read -r two_med two_p90 two_p99 two_max < <(cat "$work/two-a.log" "$work/two-b.log" > "$work/two.log";
    append_micros "$work/two.log" | percentiles)
interleaved=$(psql -X -A -t -c "select count(*) filter (where session_id <> previous) from (select session_id,
    lag(session_id) over (order by id) as previous from recshell.audit_log) s")

# 2. A million entries, chained in SQL by bench/audit-fill.sql. The append check of V3 (each
#    entry written now, by its writer) has to be switched off by the superuser for this bulk
#    load of made-up past entries; the script switches it on again.
start=$(seconds)
psql -X -q -v ON_ERROR_STOP=1 -v entries="$ENTRIES" -f bench/audit-fill.sql
fill_wall=$(since "$start")
total=$(psql -X -A -t -c "select count(*) from recshell.audit_log")
table_size=$(psql -X -A -t -c "select pg_size_pretty(pg_total_relation_size('recshell.audit_log'))")

timed() {  # label, command... -> "wall_seconds max_rss_kib" of the command
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
    cat "$work/time"
}
inside() {  # what the log says the command itself took, in seconds
    sed -n "s/.*$1: [0-9]* entries [a-z]* in \([0-9]*\) ms.*/\1/p" "$work/walk.log" | tail -n 1 |
        awk '{printf "%.1f", $1 / 1000}'
}
export RECSHELL_LOG="$work/walk.log"
read -r startup_wall _ < <(timed $recshell audit show 1)
read -r verify_wall verify_rss < <(timed $recshell audit verify)
grep -q "Audit log intact" "$work/out"
verify_inside=$(inside "audit verify")
read -r small_wall small_rss < <(RECSHELL_JAVA_OPTS=-Xmx64m timed $recshell audit verify)
small_inside=$(inside "audit verify")
read -r export_wall export_rss < <(timed $recshell audit export --format csv --output "$work/audit.csv")
export_inside=$(inside "audit export")
export_size=$(du -h "$work/audit.csv" | cut -f1)
read -r python_wall python_rss < <(timed python3 docs/verify-audit-export.py "$work/audit.csv")
unset RECSHELL_LOG
rate=$(awk -v n="$total" -v t="$verify_inside" 'BEGIN {printf "%d", n / t}')
jdk25=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1 || true)
jvm=${RECSHELL_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}   # the launcher's choice, see target/recshell
jvm=${jvm:-${jdk25:-$(command -v java)}}

{
    echo
    echo "## Audit log: append cost and audit verify on $ENTRIES entries ($(date -u +%Y-%m-%d))"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr);" \
         "PostgreSQL $(psql -X -A -t -c 'show server_version' | cut -d' ' -f1) on the same machine;" \
         "load average at start: $load. recshell started by target/recshell with" \
         "$("$jvm" -version 2>&1 | head -n 1). Run by bench/audit.sh $COMMANDS $ENTRIES."
    echo
    echo "**Append per command.** A script of $COMMANDS audited commands (\`audit show 1\`); recshell's"
    echo "log gives each entry's transaction from begin to commit: chain lock, read of the newest"
    echo "entry, SHA-256, insert with its append check, commit. Microseconds."
    echo
    echo "| writers | median | p90 | p99 | max | whole script, seconds |"
    echo "| --- | --- | --- | --- | --- | --- |"
    echo "| 1 process | $one_med | $one_p90 | $one_p99 | $one_max | $one_wall |"
    echo "| 2 processes at once | $two_med | $two_p90 | $two_p99 | $two_max | $two_wall |"
    echo
    echo "With two writers the sessions alternated $interleaved times in the chain."
    echo
    echo "**$total entries.** Loaded by bench/audit-fill.sql in $fill_wall s, chained in SQL; the"
    echo "append check had to be switched off by the superuser for that bulk load of past-dated"
    echo "entries (and was switched on again). Table with indexes: $table_size. \"the walk\" is the"
    echo "time recshell logs for reading and checking (or writing) the entries; \"wall\" is the whole"
    echo "process, start-up included (a one-shot \`audit show 1\` took $startup_wall s); memory is the peak RSS."
    echo
    echo "| what | the walk, s | wall, s | peak RSS |"
    echo "| --- | --- | --- | --- |"
    echo "| audit verify | $verify_inside | $verify_wall | $((verify_rss / 1024)) MiB |"
    echo "| audit verify with -Xmx64m | $small_inside | $small_wall | $((small_rss / 1024)) MiB |"
    echo "| audit export --format csv ($export_size) | $export_inside | $export_wall | $((export_rss / 1024)) MiB |"
    echo "| python3 docs/verify-audit-export.py on that file | | $python_wall | $((python_rss / 1024)) MiB |"
    echo
    echo "audit verify checked about $rate entries a second."
} | tee -a docs/benchmarks.md
