#!/usr/bin/env bash
# Start-up to exit of a one-shot command, `recshell recordings find --recording-id 1`, against
# `psql -c` on the same query, in the ways recshell can be started. Writes the results as a
# dated section of docs/benchmarks.md. Needs the demo database (demo/run.sh makes it).
# Usage: bench/startup.sh [RUNS]   (default 5 runs each; the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${RECSHELL_DEMO_DB:-recshell_demo}"
JDK17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
JDK25=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1 || true)

[ -f target/recshell.jar ] || mvn -q -B -DskipTests package
rm -f target/recshell-app/recshell-jdk*.aot target/recshell-app/recshell-jdk*.jsa

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {  # label, command...
    local label=$1; shift
    "$@" > /dev/null 2>&1 || true   # warm the OS file cache
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -n 1
    done | median | xargs printf "| %s | %s |\n" "$label"
}

query=(recordings find --recording-id 1)
rows=()
rows+=("$(measure "psql -c (same query)" psql -X -q -c "select * from recordings where id = 1")")
rows+=("$(measure "JDK 17, java -jar recshell.jar (fat jar, default JVM flags)" $JDK17 -jar target/recshell.jar "${query[@]}")")
rows+=("$(RECSHELL_NO_CACHE=1 RECSHELL_JAVA=$JDK17 measure "JDK 17, target/recshell without cache (extracted, C1 only, SerialGC)" target/recshell "${query[@]}")")
RECSHELL_TRAIN=1 RECSHELL_JAVA=$JDK17 target/recshell "${query[@]}" > /dev/null 2>&1
rows+=("$(RECSHELL_JAVA=$JDK17 measure "JDK 17, target/recshell with dynamic CDS archive" target/recshell "${query[@]}")")
if [ -n "$JDK25" ]; then
    rows+=("$(RECSHELL_NO_CACHE=1 RECSHELL_JAVA=$JDK25 measure "JDK 25, target/recshell without cache" target/recshell "${query[@]}")")
    RECSHELL_TRAIN=1 RECSHELL_JAVA=$JDK25 target/recshell "${query[@]}" > /dev/null 2>&1
    rows+=("$(RECSHELL_JAVA=$JDK25 measure "JDK 25, target/recshell with AOT cache (the default here)" target/recshell "${query[@]}")")
fi

{
    echo
    echo "## Start-up of a one-shot command ($(date -u +%Y-%m-%d))"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr);" \
         "load average at start: $(cut -d' ' -f1-3 /proc/loadavg). Median of $RUNS runs, wall seconds," \
         "start to exit, including connect and the schema check. Run by bench/startup.sh."
    echo
    echo "| how | seconds |"
    echo "| --- | --- |"
    printf '%s\n' "${rows[@]}"
} | tee -a docs/benchmarks.md
