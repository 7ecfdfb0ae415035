#!/usr/bin/env bash
# Subscriber import benchmark: 100,000 listmonk CSV rows posted to the admin import endpoint, into H2 (file
# database) and PostgreSQL, against plain JDBC batch inserts of as many rows measured in the same run.
# Usage: bench/readers-import/run.sh [h2|postgresql|all]   (default all)
# Env: READERS (default 100000), OPTIN (rows imported with consent=double-opt-in, default 10000), HEAP (default 256m; also takes more JVM options), PGHOST/PGPORT/PGUSER
# (default 127.0.0.1/5432/postgres). Prints the BENCH lines; see README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

which=${1:-all}
readers=${READERS:-100000}
heap=${HEAP:-256m}
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
pguser=${PGUSER:-postgres}
db=paperpost_readers_bench_$$

run() {
  # The embedding worker is off: it would embed the new readers' interests on the same two cores meanwhile.
  ./mvnw -B -q -o test -Dtest=io.paperpost.subscription.bench.ReaderImportBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbench.readers="$readers" -Dbench.optin="${OPTIN:-10000}" \
    -DargLine="-Xmx$heap -Dpaperpost.embedding.enabled=false" "$@" 2>&1 | grep -E '^BENCH|ERROR|FAIL' || true
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
