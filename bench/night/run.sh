#!/bin/sh
# The night pipeline benchmark: READERS generated readers, 2,000 papers, one real digest run into an in-process
# GreenMail (see README.md). Prints BENCH lines and writes target/bench/result-night.txt.
set -e
cd "$(dirname "$0")/../.."
READERS="${READERS:-10000}"
HEAP="${HEAP:-512m}"
./mvnw -B -o test -Dtest=NightBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.night.readers="$READERS" -DargLine="-Xmx$HEAP" | grep -E '^BENCH|Tests run:|FAIL'
