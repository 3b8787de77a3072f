#!/usr/bin/env bash
# The audio files at scale: `recordings orphans` over a folder of N files against N
# generated recordings in a small heap (bounded memory), and `recordings delete --files`
# moving the files of a large delete into quarantine. Writes a dated section into
# docs/benchmarks.md.
#
# Usage: bench/files.sh [RECORDINGS]   (default 1000000; one empty file per local recording)
# Creates the database $RECSHELL_BENCH_DB (default recshell_bench_files) on the local
# PostgreSQL and a temporary folder (under $TMPDIR), and removes both at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
HEAP="${RECSHELL_BENCH_HEAP:-64m}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${RECSHELL_BENCH_DB:-recshell_bench_files}"
export RECSHELL_JAVA_OPTS="-Xmx$HEAP"

[ -f target/recshell.jar ] || mvn -q -B -DskipTests package
work=$(mktemp -d)
# The log goes to a file of its own: recshell's log rolls its file (renames it), so it must
# never be pointed at a device such as /dev/null.
export RECSHELL_LOG="$work/recshell.log"
cleanup() {
    rm -rf "$work"
    psql -X -q -d postgres -c "drop database if exists $PGDATABASE with (force)"
}
trap cleanup EXIT

psql -X -q -d postgres -c "drop database if exists $PGDATABASE with (force)" -c "create database $PGDATABASE"
target/recshell demo load --recordings "$N" > /dev/null
mkdir "$work/recordings"
load=$(cut -d' ' -f1-3 /proc/loadavg)

# One empty file per local recording but every 100th (recording_without_file), and one
# extra file per 100 recordings (file_without_recording).
psql -X -At -c "select uniqueid from recordings where local = 1 and id % 100 <> 0
                union all select 'extra.' || g from generate_series(1, $N / 100) g" \
    | python3 -c '
import os, sys
folder = sys.argv[1]
for line in sys.stdin:
    os.close(os.open(os.path.join(folder, line.rstrip("\n") + ".mp3"), os.O_CREAT | os.O_WRONLY, 0o644))
' "$work/recordings"
files=$(find "$work/recordings" -maxdepth 1 -name '*.mp3' | wc -l)
locals=$(psql -X -At -c "select count(*) from recordings where local = 1")

measure() {  # output file, command...: prints "seconds peak_rss_mib"
    local out=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out" 2> "$work/stderr"
    awk '{printf "%s %.0f\n", $1, $2 / 1024}' "$work/time"
}

read -r orphan_s orphan_mib < <(measure "$work/orphans.csv" \
    target/recshell recordings orphans --dir "$work/recordings" --format csv)
orphan_rows=$(( $(wc -l < "$work/orphans.csv") - 1 ))

# A delete of the oldest recordings (about a third) with --files: the file pass's time is
# the time between the delete's audit entry and its files_move entry.
till=$(psql -X -At -c "select extract(epoch from datetime)::bigint from recordings
                       order by datetime offset ($N / 3) limit 1")
moved_expected=$(psql -X -At -c "select count(*) from recordings where local = 1 and id % 100 <> 0
                                 and datetime < to_timestamp($till + 1) at time zone 'UTC'")
read -r delete_s delete_mib < <(measure "$work/delete.out" \
    target/recshell recordings delete --date-till "$till" --files "$work/recordings" --yes)
deleted=$(psql -X -At -c "select deleted from recshell.audit_log where action = 'delete' order by id desc limit 1")
pass_s=$(psql -X -At -c "select round(extract(epoch from f.at - d.at)::numeric, 1)
                         from recshell.audit_log d join recshell.audit_log f on f.run_id = d.run_id
                         where d.action = 'delete' and f.action = 'files_move' order by f.id desc limit 1")
moved=$(psql -X -At -c "select done from recshell.file_pass where kind = 'move' order by id desc limit 1")
[ "$moved" = "$moved_expected" ] || { echo "moved $moved files, expected $moved_expected" >&2; exit 1; }

{
    echo
    echo "## Audio files: orphans and moves at scale ($(date -u +%Y-%m-%d))"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); load average at" \
         "start: $load (other work shares the machine). $N generated recordings ($locals local), $files" \
         "empty files in one folder on $(df -T "$work" | awk 'NR == 2 {print $2}'). JVM heap capped at" \
         "$HEAP (\`-Xmx$HEAP\`). Run by bench/files.sh."
    echo
    echo "| what | wall seconds | peak RSS (MiB) | result |"
    echo "| --- | --- | --- | --- |"
    echo "| \`recordings orphans --format csv\` | $orphan_s | $orphan_mib | $orphan_rows orphans listed |"
    echo "| \`recordings delete --date-till ... --files\` (whole command) | $delete_s | $delete_mib |" \
         "$deleted recordings deleted, $moved files moved |"
    echo "| of which the file pass (spool, in-use check, moves, audit) | $pass_s | | |"
} | tee -a docs/benchmarks.md
