#!/usr/bin/env bash
# The night pipeline benchmark: READERS generated readers, 2,000 papers, one real digest run (see README.md).
# Env: READERS (10000), HEAP (1g; more JVM options may follow), SMTP (smtp-sink: Postfix's smtp-sink in its own
# process, started here; greenmail: in-process GreenMail; discard: rank and render alone), DB (mem, h2 or
# postgresql: a fresh database on 127.0.0.1:5432, dropped at the end), THREADS (paperpost.digest.threads), POSTFIX (/tmp/postfix),
# H2_OPTIONS (H2 URL options instead of the packaged ones).
# Prints BENCH lines and writes target/bench/result-night.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
readers=${READERS:-10000}
heap=${HEAP:-1g}
smtp=${SMTP:-smtp-sink}
db=${DB:-mem}
postfix=${POSTFIX:-/tmp/postfix}
extra=()
[[ -n ${THREADS:-} ]] && extra+=("-Dbench.night.threads=$THREADS")
# H2 URL options instead of the packaged ones (e.g. H2_OPTIONS=";DB_CLOSE_ON_EXIT=FALSE" for H2's write delay).
[[ -n ${H2_OPTIONS+set} ]] && extra+=("-Dbench.h2-options=$H2_OPTIONS")

if [[ $smtp == smtp-sink ]]; then
  if [[ ! -x $postfix/usr/sbin/smtp-sink ]]; then
    # Postfix's test tools from the Debian package, unpacked, not installed as a service.
    (cd /tmp && apt-get download postfix && dpkg -x postfix_*.deb "$postfix")
  fi
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # 256 pending connections; it answers 250 to everything and keeps nothing.
  LD_LIBRARY_PATH=$postfix/usr/lib/postfix "$postfix/usr/sbin/smtp-sink" -u nobody "127.0.0.1:$port" 256 &
  sink=$!
  trap 'kill $sink' EXIT
  sleep 0.5
  smtp=127.0.0.1:$port
fi
[[ $db == h2 ]] && rm -rf target/bench/night-h2
if [[ $db == postgresql ]]; then
  # A fresh database on the local server (trust auth), dropped at the end.
  pgdb=paperpost_night_$$
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $pgdb"
  trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $pgdb with (force)"; [[ -n ${sink:-} ]] && kill $sink' EXIT
  db="jdbc:postgresql://127.0.0.1:5432/$pgdb?reWriteBatchedInserts=true"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -o test -Dtest=NightBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.night.readers="$readers" -Dbench.night.smtp="$smtp" -Dbench.night.db="$db" "${extra[@]}" \
  -DargLine="-Xmx$heap -Dquarkus.test.hang-detection-timeout=3h" | grep -E '^BENCH|Tests run:|FAIL|ERROR'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $db == h2 ]] && rm -rf target/bench/night-h2
exit 0
