#!/bin/bash
# Retakes docs/web-room/web-room-{1280,390}-{en,ja}-{day,night}.png: a spring
# noon and an autumn night, two small joys and a good mood.
# Usage: tools/screenshots/room.sh target/debug docs/web-room (after cargo build)
set -euo pipefail
bin=$1; out=$2
work=$(mktemp -d)
shoot() { # name now width height lang
  local home=$work/$1
  mkdir -p "$home"
  printf 'timezone = "Asia/Tokyo"\n' > "$home/config.toml"
  export IYASHI_HOME=$home IYASHI_NOW=$2
  "$bin/iyashi" joy warm tea by the window >/dev/null
  "$bin/iyashi" joy a cat asleep on the wall >/dev/null
  "$bin/iyashi" mood 4 >/dev/null
  "$bin/iyashi" web --port 0 > "$work/$1.out" 2>&1 &
  local web=$!
  for _ in $(seq 100); do grep -q http "$work/$1.out" && break; sleep 0.1; done
  local link
  link=$(grep -o 'http://[^ ]*' "$work/$1.out" | head -1)
  python3 "$(dirname "$0")/webdriver_shot.py" "$link" "$out" "$1.png" "$3" "$4" "$5" "" \
    "localStorage.setItem('iyashi-lang', '$5'); location.reload();"
  kill $web; wait $web 2>/dev/null || true
  unset IYASHI_HOME IYASHI_NOW
}
day=2026-04-08T03:00:00Z
night=2026-10-28T12:00:00Z
shoot web-room-1280-en-day $day 1280 800 en
shoot web-room-1280-en-night $night 1280 800 en
shoot web-room-1280-ja-day $day 1280 800 ja
shoot web-room-390-en-day $day 390 844 en
shoot web-room-390-ja-day $day 390 844 ja
shoot web-room-390-ja-night $night 390 844 ja
