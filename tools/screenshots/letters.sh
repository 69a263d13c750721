#!/bin/bash
# Retakes docs/web-room/web-room-letters-{en,ja}.png with kind sample letters.
# Usage: tools/screenshots/letters.sh target/debug docs/web-room (after cargo build --workspace)
set -euo pipefail
bin=$1; out=$2
work=$(mktemp -d)
shoot() { # lang stranger_letter my_letter their_answer
  local lang=$1 stranger=$work/stranger-$1 me=$work/me-$1
  # A service of its own for each language, so each inbox holds its own letters.
  "$bin/iyashi-letters" serve --listen 127.0.0.1:0 --database "$work/letters-$lang.db" \
    --work-bits 1 --work-parts 1 --settle-secs 0 --first-dibs-secs 0 --flush-ms 50 \
    --signed-per-minute 100000 --heartbeats-per-minute 100000 --network-per-minute 100000 \
    --address-per-minute 100000 --reads-per-minute 100000 --new-keys-per-minute 100000 \
    > "$work/service-$lang.out" 2>"$work/service-$lang.err" &
  service=$!
  trap 'kill $service ${web:-} 2>/dev/null || true' EXIT
  for _ in $(seq 100); do grep -q listening "$work/service-$lang.out" && break; sleep 0.1; done
  url=$(sed -n 's/^listening on //p' "$work/service-$lang.out")
  mkdir -p "$stranger" "$me"
  for h in "$stranger" "$me"; do
    printf 'timezone = "Asia/Tokyo"\n\n[letters]\nenabled = true\nserver = "%s"\n' "$url" > "$h/config.toml"
  done
  # The stranger's earlier letter ($5) is answered on this side ($6) and the
  # answer thanked, so the page shows the thanks your own answers received.
  IYASHI_HOME=$stranger "$bin/iyashi" --lang "$lang" letters write "$5" >/dev/null
  IYASHI_HOME=$stranger "$bin/iyashi" --lang "$lang" letters write "$2" >/dev/null
  IYASHI_HOME=$me "$bin/iyashi" --lang "$lang" letters write "$3" >/dev/null
  IYASHI_HOME=$me "$bin/iyashi" --lang "$lang" letters inbox --json >/dev/null
  local id
  id=$(IYASHI_HOME=$stranger "$bin/iyashi" letters inbox --json | python3 -c '
import json,sys; d=json.load(sys.stdin); print([l["id"] for l in d["letters"]][0])')
  IYASHI_HOME=$stranger "$bin/iyashi" --lang "$lang" letters reply "$id" "$4" >/dev/null
  id=$(IYASHI_HOME=$me "$bin/iyashi" letters inbox --json | BODY=$5 python3 -c '
import json,os,sys; d=json.load(sys.stdin); print([l["id"] for l in d["letters"] if l["body"] == os.environ["BODY"]][0])')
  IYASHI_HOME=$me "$bin/iyashi" --lang "$lang" letters reply "$id" "$6" >/dev/null
  id=$(IYASHI_HOME=$stranger "$bin/iyashi" letters inbox --json | python3 -c '
import json,sys; d=json.load(sys.stdin); print([r["id"] for r in d["replies"]][0])')
  IYASHI_HOME=$stranger "$bin/iyashi" letters thank "$id" >/dev/null
  # The figure heard before the thanks is kept for ten minutes (text and
  # --json alike); forgetting it lets the page ask the service again.
  rm -f "$me/letters-thanks.json"
  IYASHI_HOME=$me "$bin/iyashi" --lang "$lang" letters inbox >/dev/null
  IYASHI_HOME=$me "$bin/iyashi" --lang "$lang" web --port 0 > "$work/web-$lang.out" 2>&1 &
  web=$!
  for _ in $(seq 100); do grep -q http "$work/web-$lang.out" && break; sleep 0.1; done
  local link
  link=$(grep -o 'http://[^ ]*' "$work/web-$lang.out" | head -1)
  python3 "$(dirname "$0")/webdriver_shot.py" "$link" "$out" "web-room-letters-$lang.png" 1280 800 "$lang" "#letters" \
    "localStorage.setItem('iyashi-lang', '$lang'); location.reload();"
  kill $web $service; wait $web $service 2>/dev/null || true
}
shoot en "Long day at work, and the train home was crowded. I made miso soup and sat by the window for a while. I hope your evening is gentle too." \
  "The rain kept me in today; a bowl of soup helped." "Soup is a good friend. Rest well tonight." \
  "A small win: I left work on time today." "That is a real win. Enjoy the quiet evening."
shoot ja "仕事が長い一日でした。帰りの電車は混んでいたけれど、家でお味噌汁を作って、少し窓辺でぼんやりしました。あなたの夜もおだやかでありますように。" \
  "雨で一日家にいました。あたたかいスープに助けられました。" "スープはいい友だちですね。今夜はゆっくり休んでね。" \
  "今日は定時に帰れました。小さなうれしいことです。" "それはすてきな一歩ですね。おだやかな夜を。"
