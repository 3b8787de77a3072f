#!/usr/bin/env bash
# `recordings find` over a million matching rows: heap stays bounded and the first row
# comes out early. Loads 1,000,000 generated recordings into its own database
# (recshell_bench_find, dropped at the end), runs find with a 64 MB heap in csv and table
# format, and appends a dated section to docs/benchmarks.md.
# Usage: bench/find-stream.sh [RECORDINGS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE=recshell_bench_find
[ -f target/recshell.jar ] || mvn -q -B -DskipTests package
psql -X -q -d postgres -c "drop database if exists $PGDATABASE with (force)" -c "create database $PGDATABASE"
trap 'psql -X -q -d postgres -c "drop database if exists $PGDATABASE with (force)"' EXIT
target/recshell demo load --recordings "$N" > /dev/null

# Runs find, timestamps the first line of output and the end; prints "first total peak_kb".
run() {  # format
    local start first end
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o /tmp/recshell-find-rss.$$ \
        env RECSHELL_JAVA_OPTS="-Xmx64m" target/recshell recordings find --limit "$N" --format "$1" 2>/dev/null |
        { IFS= read -r _; first=$(date +%s.%N); cat > /dev/null; echo "$first"; } > /tmp/recshell-find-first.$$
    end=$(date +%s.%N)
    first=$(cat /tmp/recshell-find-first.$$)
    printf '%s %.2f %.2f %s\n' "$1" "$(echo "$first - $start" | bc)" "$(echo "$end - $start" | bc)" \
        "$(cat /tmp/recshell-find-rss.$$)"
    rm -f /tmp/recshell-find-rss.$$ /tmp/recshell-find-first.$$
}
rows=()
for format in csv json table; do
    read -r f first total rss <<< "$(run "$format")"
    rows+=("| $f | $first | $total | $((rss / 1024)) |")
done
{
    echo
    echo "## recordings find over $N matching rows ($(date -u +%Y-%m-%d))"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); load average at" \
         "start: $(cut -d' ' -f1-3 /proc/loadavg). \`recordings find --limit $N\` with \`-Xmx64m\`, output to a" \
         "pipe; seconds from start, peak resident memory of the whole JVM. Run by bench/find-stream.sh."
    echo
    echo "| format | first row out (s) | all rows out (s) | peak RSS (MB) |"
    echo "| --- | --- | --- | --- |"
    printf '%s\n' "${rows[@]}"
} | tee -a docs/benchmarks.md
