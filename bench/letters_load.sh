#!/usr/bin/env bash
# Load: presence heartbeats against iyashi-letters on loopback, with wrk
# (Debian), 1,000 concurrent connections each sending heartbeats as fast as
# they are answered, for a bounded time, on SQLite and on PostgreSQL.
#
#   bench/letters_load.sh [seconds]      (default 15 per backend)
#
# Every request is a real heartbeat: a bearer token checked by HMAC, the
# per-key and per-network rate limits counted, the key noted for the next
# batched flush, the cached count answered as JSON. The 1,000 tokens belong
# to 1,000 different keys, made by `iyashi-letters tokens`. The rate limits
# are raised for the run (a real client beats every 30 s, and all of wrk
# comes from one address), the 1,000 keys pay a token proof of work and are
# settled at once (they are made in the set-up, not measured, and a day-old
# crowd is what the count is for); everything else is the server as shipped.
# PostgreSQL: $IYASHI_LETTERS_BENCH_PG if set, else a private cluster in a
# temporary directory (Debian's postgresql package, started on 127.0.0.1).
# Results go to bench/results/letters_load.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-15}
CONNECTIONS=1000
PACE_MS=35
PORT=${IYASHI_LETTERS_BENCH_PORT:-18470}
OUT=bench/results/letters_load.txt
TARGET=${CARGO_TARGET_DIR:-target}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

cargo build --release --locked -q -p iyashi-letters
BIN="$TARGET/release/iyashi-letters"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -n "${PG_STARTED:-}" ]; then su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/beat.lua" <<'LUA'
-- Each request carries the next token, so the 1,000 connections speak for
-- 1,000 different people.
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
local i = 0
-- PACE_MS > 0: each connection waits this long between heartbeats, so the
-- offered load is connections * 1000 / PACE_MS per second and the latency
-- is that of a service under that load, not of a queue wrk keeps full.
local pace = tonumber(os.getenv("PACE_MS") or "0")
if pace > 0 then
  delay = function() return pace end
end
wrk.method = "POST"
request = function()
  i = i % #tokens + 1
  return wrk.format(nil, "/v1/presence", { ["Authorization"] = "Bearer " .. tokens[i] })
end
LUA

# GET /v1/presence over bash's /dev/tcp, so the script needs no curl.
resting() {
  exec 3<>"/dev/tcp/127.0.0.1/$PORT"
  printf 'GET /v1/presence HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n' >&3
  tail -n 1 <&3
  exec 3<&-
}

run_backend() {
  local name=$1 database=$2
  "$BIN" serve --database "$database" --listen "127.0.0.1:$PORT" \
    --heartbeats-per-minute 100000000 --network-per-minute 100000000 --signed-per-minute 100000 \
    --address-per-minute 100000000 --new-keys-per-minute 100000 --work-bits 1 --work-parts 1 --settle-secs 0 \
    > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do grep -q listening "$WORK/$name.log" && break; sleep 0.1; done
  "$BIN" tokens --server "http://127.0.0.1:$PORT" --count "$CONNECTIONS" > "$WORK/tokens"
  local cpus
  cpus=$(nproc)
  {
    # Paced: 1,000 clients, each waiting 35 ms after every answer (up to
    # 28,000 heartbeats/s offered), for the target's latency; then unpaced,
    # for the most the service answers.
    for pace in "$PACE_MS" 0; do
      if [ "$pace" = 0 ]; then what="as fast as answered"; else what="each client every ${pace} ms"; fi
      echo "== $name: $CONNECTIONS connections, $what, ${SECONDS_EACH}s, wrk -t$cpus, $(nproc) cores"
      PACE_MS=$pace TOKENS="$WORK/tokens" timeout $((SECONDS_EACH + 30)) wrk -t"$cpus" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" \
        --timeout 5s --latency -s "$WORK/beat.lua" "http://127.0.0.1:$PORT" 2>&1
      sleep 1.5
      echo "resting (the count after the run): $(resting)"
      echo
    done
  } | tee -a "$OUT.tmp"
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
}

{
  echo "# bench/letters_load.sh $SECONDS_EACH — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# $(uname -sm), $(nproc) cores; $(wrk --version 2>&1 | head -1)"
  # The cores may be shared: the load average before and after says how much.
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} > "$OUT.tmp"

run_backend sqlite "$WORK/letters.db"

PG_URL=${IYASHI_LETTERS_BENCH_PG:-}
if [ -z "$PG_URL" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  chown postgres "$WORK" 2>/dev/null || true
  chmod 755 "$WORK"
  su postgres -c "$PGBIN/initdb -D $WORK/pg -U letters --auth=trust -E UTF8" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -w -l $WORK/pg.log -o '-c listen_addresses=127.0.0.1 -p 25433 -k $WORK' start" >/dev/null
  PG_STARTED=1
  PG_URL=postgres://letters@127.0.0.1:25433/postgres
fi
if [ -n "$PG_URL" ]; then
  run_backend postgres "$PG_URL"
else
  echo "== postgres: skipped (no PostgreSQL found)" | tee -a "$OUT.tmp"
fi
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "written to $OUT"
