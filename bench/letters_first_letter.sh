#!/usr/bin/env bash
# A person's first letter: `iyashi letters write` from a home with no key
# yet (a new key, so the service asks for its proof of work, and the client
# solves it on every core and asks again), against the same command from a
# home whose key the service already knows (the peer). The service is
# `iyashi-letters serve` as shipped (SQLite, default proof of work), on
# loopback; only its per-minute limits are raised, since hyperfine writes
# more letters a minute than a person. Target: the first letter < 1 s.
#
#   bench/letters_first_letter.sh [RUNS]      (default 20)
#
# Results go to bench/results/letters_first_letter.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-20}
PORT=${IYASHI_LETTERS_BENCH_PORT:-18472}
OUT=bench/results/letters_first_letter.txt
TARGET=${CARGO_TARGET_DIR:-target}
command -v hyperfine >/dev/null || { echo "needs hyperfine: apt-get install hyperfine" >&2; exit 2; }

cargo build --release --locked -q -p iyashi-letters -p iyashi
WORK=$(mktemp -d)
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$TARGET/release/iyashi-letters" serve --database "$WORK/letters.db" --listen "127.0.0.1:$PORT" \
  --signed-per-minute 100000 --new-keys-per-minute 100000 \
  --address-per-minute 100000 --network-per-minute 100000 > "$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 100); do grep -q listening "$WORK/serve.log" && break; sleep 0.1; done

for who in new known; do
  mkdir -p "$WORK/$who"
  printf 'language = "en"\n[letters]\nenabled = true\nserver = "http://127.0.0.1:%s"\n' "$PORT" > "$WORK/$who/config.toml"
done
# The known key meets the service once before the runs.
IYASHI_HOME="$WORK/known" "$TARGET/release/iyashi" letters rest >/dev/null

{
  echo "# bench/letters_first_letter.sh $RUNS — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# $(uname -sm), $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  hyperfine --runs "$RUNS" --warmup 1 --export-markdown "$WORK/table.md" \
    --prepare "rm -f '$WORK/new/letters-key'" \
    -n "first letter (new key, proof of work)" \
    "IYASHI_HOME='$WORK/new' '$TARGET/release/iyashi' letters write 'A first letter.'" \
    -n "a later letter (known key)" \
    "IYASHI_HOME='$WORK/known' '$TARGET/release/iyashi' letters write 'A later letter.'" 2>&1
  echo
  cat "$WORK/table.md"
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "written to $OUT"
