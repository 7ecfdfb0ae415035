#!/usr/bin/env bash
# Signup load benchmark against the packaged app. Usage (from the project root):
#   bench/signup/run.sh h2|postgresql [perSecond=500] [seconds=45] [warmupSeconds=30]
# Environment: CONNECTIONS (64) keep-alive connections of the driver; APP_JAVA_OPTS for the app's JVM (e.g. a
# JFR recording); WORK (/tmp/bench-signup) where the packages and run directories go.
# The warm-up is 30 s because the JIT compilers alone took ~15 CPU s of the first 30 s (jstack cpu= per thread).
# Builds the package for the database kind into $WORK (the PostgreSQL one needs its own build: the database
# kind is fixed at build time), starts it on port 8090 in a fresh working directory with the rate limits
# raised, drives POST /api/v1/subscriptions at a fixed rate with bench/signup/SignupLoad.java, stops the app.
set -euo pipefail
KIND=${1:?h2 or postgresql}
RATE=${2:-500}
SECONDS_MEASURED=${3:-45}
WARMUP=${4:-30}
WORK=${WORK:-/tmp/bench-signup}
ROOT=$(pwd)
mkdir -p "$WORK"

if [ ! -d "$WORK/$KIND-app" ]; then
  ./mvnw -B -o -q package -DskipTests -Dquarkus.datasource.db-kind="$KIND"
  cp -r target/quarkus-app "$WORK/$KIND-app"
fi

if curl -s -o /dev/null http://127.0.0.1:8090/; then
  echo "port 8090 is in use (an app of an earlier run still shutting down?)" >&2
  exit 1
fi
RUN="$WORK/$KIND-run"
rm -rf "$RUN"
mkdir -p "$RUN"
cp -r "$ROOT/config" "$RUN/"
export QUARKUS_HTTP_PORT=8090
export PAPERPOST_ADMIN_PASSWORD=bench-admin-password
export PAPERPOST_TOKENS_SECRET=bench-secret-bench-secret-bench-secret-0123456789
export PAPERPOST_SUBSCRIPTION_PER_IP_LIMIT=100000000
export PAPERPOST_SUBSCRIPTION_PER_ADDRESS_LIMIT=100000000
export PAPERPOST_PAPERS_DEMO_IMPORT=false
export QUARKUS_SCHEDULER_ENABLED=false
if [ "$KIND" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists paperpost_signup_bench" \
       -c "create database paperpost_signup_bench" test
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/paperpost_signup_bench
  export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
fi

(cd "$RUN" && exec java ${APP_JAVA_OPTS:-} -jar "$WORK/$KIND-app/quarkus-run.jar" > app.log 2>&1) &
APP=$!
# On exit: stop the app and wait until it has written its queued emails and let go of port and database.
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  curl -sf -o /dev/null http://127.0.0.1:8090/q/health/ready && break
  sleep 1
done
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); $(uptime)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
BEFORE=$(cpu_ticks)
/usr/bin/time -f "load driver CPU: %U s user, %S s system" java "$ROOT/bench/signup/SignupLoad.java" http://127.0.0.1:8090 "$RATE" "$SECONDS_MEASURED" "$WARMUP" "${CONNECTIONS:-64}"
AFTER=$(cpu_ticks)
echo "after: $(uptime)"
echo "app CPU time during warm-up + measurement: $(( (AFTER - BEFORE) * 1000 / $(getconf CLK_TCK) )) ms for $(( RATE * (SECONDS_MEASURED + WARMUP) )) signups sent"
echo "confirmation emails written to the outbox: $(ls "$RUN/data/outbox" | wc -l)"
