#!/usr/bin/env bash
# Bounce intake benchmark: 10,000 DSNs read, matched to their digest and applied, into H2 (file database, the
# packaged options) and PostgreSQL. Usage: bench/bounces/run.sh [h2|postgresql|all] [-Dbench.reports=N ...]
# Env: HEAP (default 512m), PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres). Prints the BENCH lines.
set -euo pipefail
cd "$(dirname "$0")/../.."

which=${1:-all}
shift || true
extra=("$@")
heap=${HEAP:-512m}
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
pguser=${PGUSER:-postgres}
db=paperpost_bounce_bench_$$

run() {
  ./mvnw -B -q -o test -Dtest=io.paperpost.bounces.bench.BounceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Xmx$heap" "$@" "${extra[@]}" 2>&1 | grep -E '^BENCH|ERROR|FAIL' || true
}

echo "load: $(uptime)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
java -version 2>&1 | head -1

if [[ $which == h2 || $which == all ]]; then
  rm -rf target/bench/h2
  run -Dbench.db=h2
  rm -rf target/bench/h2
fi

if [[ $which == postgresql || $which == all ]]; then
  psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -qc "create database $db"
  trap 'psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -qc "drop database if exists $db with (force)"' EXIT
  run -Dbench.db=postgresql -Dbench.user="$pguser" \
    -Dbench.url="jdbc:postgresql://$pghost:$pgport/$db?reWriteBatchedInserts=true"
fi
