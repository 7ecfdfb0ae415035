#!/usr/bin/env bash
# H2 alone, without PaperPost: the cost of a new paper's rows with author rows (before V30) and with the
# author_keys column (V30), in a file database and in memory. See H2Ceiling.java and ../README.md.
# Env: PAPERS (default 100000), BATCH (default 500), HEAP (default 512m).
set -euo pipefail
cd "$(dirname "$0")"
h2=$(ls ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar)
papers=${PAPERS:-100000}
batch=${BATCH:-500}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "load: $(uptime)"
for variant in rows column; do
  java -Xmx"${HEAP:-512m}" -cp "$h2" H2Ceiling.java "$variant" "$papers" "$batch" "jdbc:h2:file:$dir/$variant"
  java -Xmx"${HEAP:-512m}" -cp "$h2" H2Ceiling.java "$variant" "$papers" "$batch" "jdbc:h2:mem:$variant"
done
echo "load: $(uptime)"
