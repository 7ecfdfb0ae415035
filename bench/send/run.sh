#!/usr/bin/env bash
# Send benchmark: PaperPost's SMTP sender against Postfix's smtp-source, in the same run, both into smtp-sink,
# with the same message size and number of sessions.
# Usage: bench/send/run.sh   Env: SESSIONS (4), MESSAGES (20000), SIZE (smtp-source message size, 20480 bytes),
# BODY (PaperPost text+html characters, 15000: about 20 KB on the wire with Base64 bodies), POSTFIX (/tmp/postfix).
set -euo pipefail
cd "$(dirname "$0")/../.."

sessions=${SESSIONS:-4}
messages=${MESSAGES:-20000}
size=${SIZE:-20480}
body=${BODY:-15000}
postfix=${POSTFIX:-/tmp/postfix}

if [[ ! -x $postfix/usr/sbin/smtp-sink ]]; then
  # Postfix's test tools from the Debian package, unpacked, not installed as a service.
  (cd /tmp && apt-get download postfix && dpkg -x postfix_*.deb "$postfix")
fi
export LD_LIBRARY_PATH=$postfix/usr/lib/postfix
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$postfix/usr/sbin/smtp-sink" -u nobody "127.0.0.1:$port" 256 &
sink=$!
trap 'kill $sink' EXIT
sleep 0.5

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
./mvnw -B -q -o test-compile

source_run() {
  local started ended
  started=$(date +%s.%N)
  # -d: keep each session open for its next message, as PaperPost's pool does.
  "$postfix/usr/sbin/smtp-source" -d -s "$sessions" -m "$messages" -l "$size" -f digest@paperpost.example \
    -t reader@example.org "127.0.0.1:$port"
  ended=$(date +%s.%N)
  python3 -c "print('BENCH smtp-source: $messages messages, $sessions sessions, %.2f s = %.0f messages/s' % ($ended - $started, $messages / ($ended - $started)))"
}

source_run
./mvnw -B -q -o surefire:test -Dtest=io.paperpost.mail.bench.SendBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  ${SEND_JAVA_OPTS:+-DargLine="$SEND_JAVA_OPTS"} -Dbench.send.port="$port" -Dbench.sessions="$sessions" -Dbench.messages="$messages" -Dbench.size="$body" 2>&1 \
  | grep -E '^BENCH|ERROR|FAIL' || true
source_run
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
