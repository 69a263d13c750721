#!/usr/bin/env bash
# The web room's budget: page weight < 200 KB, first paint < 300 ms on
# localhost, server memory < 20 MB. Starts a release `iyashi web` on a
# made-up journal, loads the page in headless Chromium seven times through
# chromedriver, and reads the server's memory from /proc.
#
# Needs: chromium, chromium-driver, curl, python3 (for JSON). Writes
# bench/results/web_budget.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${IYASHI_BIN:-}
if [ -z "$BIN" ]; then
  cargo build --release -p iyashi >/dev/null
  BIN=${CARGO_TARGET_DIR:-target}/release/iyashi
fi
WORK=$(mktemp -d)
cleanup() {
  # Ending the session first, so chromedriver does not leave Chromium behind.
  [ -n "${SESSION:-}" ] && curl -s -X DELETE "http://127.0.0.1:$DPORT/session/$SESSION" >/dev/null || true
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null || true
  [ -n "${DRIVER:-}" ] && kill "$DRIVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export IYASHI_HOME=$WORK/home TZ=Asia/Tokyo LANG=C.UTF-8

# A lived-in day: a month of joys and moods, so the page has something to show.
for d in $(seq -w 1 25); do
  IYASHI_NOW=2026-11-${d}T03:00:00Z "$BIN" joy "small joy number $d, warm tea by the window" >/dev/null
  IYASHI_NOW=2026-11-${d}T11:00:00Z "$BIN" mood $(( (10#$d % 5) + 1 )) "day $d" >/dev/null
done

IYASHI_NOW=2026-11-25T12:30:00Z "$BIN" web --port 0 >"$WORK/web.out" &
SERVER=$!
for _ in $(seq 100); do grep -q http "$WORK/web.out" 2>/dev/null && break; sleep 0.05; done
URL=$(grep -o 'http://[^ ]*' "$WORK/web.out")
PORT=$(echo "$URL" | sed 's|http://127.0.0.1:\([0-9]*\)/.*|\1|')
# The link trades the token for the page's cookie and key, as a browser's first visit does.
LINK=$(curl -s -D - -o /dev/null "$URL" | tr -d '\r')
COOKIE=$(echo "$LINK" | sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p')
KEY=$(echo "$LINK" | sed -n 's/^[Ll]ocation: .*#key=//p')
get() { curl -s -b "$COOKIE" -H "X-Iyashi-Key: $KEY" "http://127.0.0.1:$PORT$1"; }

# Page weight: the document and everything it loads on first view (the
# scene names the film it plays; the letters come after the room has drawn,
# here as a home with letters off sees them).
FILM=$(get /api/scene | python3 -c 'import json,sys; print(json.load(sys.stdin)["film"])')
total=0
for path in / /app.js /app.css /favicon.svg /api/room /cast.svg /api/scene "$FILM" /api/letters; do
  bytes=$(get "$path" | wc -c)
  printf '  %-28s %7d bytes\n' "${path%%\?*}" "$bytes" >>"$WORK/weights"
  total=$((total + bytes))
done

# First paint, in a real browser: first-contentful-paint of seven fresh loads.
DPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
chromedriver --port="$DPORT" >/dev/null 2>&1 &
DRIVER=$!
for _ in $(seq 100); do curl -s "http://127.0.0.1:$DPORT/status" >/dev/null && break; sleep 0.05; done
wd() { curl -s -X "$1" -H 'Content-Type: application/json' "http://127.0.0.1:$DPORT$2" ${3:+-d "$3"}; }
# One browser: the link's first load sets the cookie and warms Chromium up,
# so what is measured is the room's page, not a browser starting.
SESSION=$(wd POST /session '{"capabilities":{"alwaysMatch":{"browserName":"chrome","goog:chromeOptions":{"binary":"/usr/bin/chromium","args":["--headless=new","--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--disable-dev-shm-usage"]}}}}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["value"]["sessionId"])')
wd POST "/session/$SESSION/url" "{\"url\":\"$URL\"}" >/dev/null
paints=()
for i in 1 2 3 4 5 6 7; do
  wd POST "/session/$SESSION/url" "{\"url\":\"http://127.0.0.1:$PORT/?fresh=$i\"}" >/dev/null
  # Waits for the paint entry rather than assuming it is there at "load".
  fcp=$(wd POST "/session/$SESSION/execute/async" '{"script":"const done = arguments[0]; new PerformanceObserver((l) => { const e = l.getEntriesByName(\"first-contentful-paint\")[0]; if (e) done(e.startTime); }).observe({type: \"paint\", buffered: true});","args":[]}' \
    | python3 -c 'import json,sys; v=json.load(sys.stdin)["value"]; print(round(v) if isinstance(v,(int,float)) else sys.exit(f"no paint: {v}"))')
  paints+=("$fcp")
done
wd DELETE "/session/$SESSION" >/dev/null
SESSION=
median=$(printf '%s\n' "${paints[@]}" | sort -n | sed -n 4p)

# Memory after serving all that, and an event stream open.
curl -s -m 2 -b "$COOKIE" -H "X-Iyashi-Key: $KEY" "http://127.0.0.1:$PORT/api/events" >/dev/null || true
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status")
pss_kb=$(awk '/^Pss:/ {print $2}' "/proc/$SERVER/smaps_rollup")

{
  echo "iyashi web budget ($(date -u +%Y-%m-%d), $(nproc) cores, $(chromium --version 2>/dev/null | head -1))"
  echo
  echo "page weight, first view: $((total / 1024)) KB ($total bytes; budget 200 KB)"
  cat "$WORK/weights"
  echo "first contentful paint: median $median ms of ${paints[*]} ms (budget 300 ms; $(cut -d" " -f1-3 /proc/loadavg) load)"
  echo "server memory: RSS $((rss_kb / 1024)) MB ($rss_kb kB), PSS $((pss_kb / 1024)) MB (budget 20 MB)"
} | tee bench/results/web_budget.txt
[ "$total" -lt 204800 ] && [ "$median" -lt 300 ] && [ "$rss_kb" -lt 20480 ]
