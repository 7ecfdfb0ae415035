#!/usr/bin/env bash
# Rendering benchmark: the digest email (subject, HTML, text, headers, signed links) for many readers with a
# fixed set of 10 papers, into a sender that discards it; then with the MIME message built and serialized too.
# Usage: bench/render/run.sh   Env: READERS (200000), THREADS (2), HEAP (1g).
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
./mvnw -B -q -o test -Dtest=io.paperpost.digest.bench.RenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.render=true -Dbench.readers="${READERS:-200000}" -Dbench.threads="${THREADS:-2}" -DargLine="-Xmx${HEAP:-1g}" 2>&1 \
  | grep -E '^BENCH|ERROR|FAIL' || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
