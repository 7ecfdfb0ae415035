#!/usr/bin/env bash
# Paper import benchmark: 100,000 papers from JSON Lines into H2 (file database) and PostgreSQL.
# Usage: bench/import/run.sh [h2|postgresql|all] [-Dbench.batch=N -Dbench.warmup=N ...]   (default all)
# Env: PAPERS (default 100000), HEAP (default 512m; also takes more JVM options), PGHOST/PGPORT/PGUSER
# (default 127.0.0.1/5432/postgres). Prints the BENCH lines (figures per pass, CPU, heap, load); see README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

which=${1:-all}
shift || true
extra=("$@")
papers=${PAPERS:-100000}
heap=${HEAP:-512m}
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
pguser=${PGUSER:-postgres}
db=paperpost_bench_$$

run() {
  ./mvnw -B -q test -Dtest=io.paperpost.papers.bench.ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.papers="$papers" -DargLine="-Xmx$heap" "$@" "${extra[@]}" 2>&1 | grep -E '^BENCH|ERROR|FAIL' || true
}

echo "load: $(uptime)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
java -version 2>&1 | head -1

if [[ $which == h2 || $which == all ]]; then
  rm -rf target/bench/h2
  # The packaged URL options (WRITE_DELAY=0); -Dbench.h2-options=... after "h2" replaces them.
  run -Dbench.db=h2
  rm -rf target/bench/h2
fi

if [[ $which == postgresql || $which == all ]]; then
  psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -qc "create database $db"
  trap 'psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -qc "drop database if exists $db with (force)"' EXIT
  run -Dbench.db=postgresql -Dbench.user="$pguser" \
    -Dbench.url="jdbc:postgresql://$pghost:$pgport/$db?reWriteBatchedInserts=true"
fi
