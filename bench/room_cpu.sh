#!/usr/bin/env bash
# The room while animating: CPU used over SECONDS in an 80x24 tmux pane
# (from /proc/PID/stat, user + system), and the time from exec to the first
# frame on screen (the room writes that moment when IYASHI_ROOM_FIRST_FRAME
# names a file; the shell writes the moment just before exec).
# Targets: < 2 % of a core while animating, first frame < 50 ms.
#
# usage: bench/room_cpu.sh [SECONDS]      (default 30)
# needs: tmux; honours CARGO_TARGET_DIR
set -euo pipefail
seconds=${1:-30}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
target=${CARGO_TARGET_DIR:-$root/target}
work=$(mktemp -d)
socket="iyashi-room-bench-$$"
cleanup() { tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

command -v tmux >/dev/null || { echo "needs tmux" >&2; exit 2; }

echo "== building iyashi (release)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p iyashi
iyashi="$target/release/iyashi"

# A lived-in home: a few joys on the shelf, so the first frame reads the journal.
home="$work/home"; mkdir -p "$home"
printf 'language = "en"\ntimezone = "Asia/Tokyo"\n' > "$home/config.toml"
for joy in "warm tea by the window" "a quiet walk home" "the cat next door"; do
  IYASHI_HOME=$home IYASHI_NOW=2026-11-25T03:00:00Z "$iyashi" joy "$joy" >/dev/null
done

open_room() { # $1: name of this run; prints the pane's pid
  local run=$1
  tmux -L "$socket" new-session -d -s "$run" -x 80 -y 24 \
    "sh -c 'date +%s%N > $work/$run.start; exec env IYASHI_HOME=$home TERM=xterm-256color \
      IYASHI_NOW=2026-11-25T03:30:00Z IYASHI_ROOM_FIRST_FRAME=$work/$run.first $iyashi'"
  for _ in $(seq 200); do [ -s "$work/$run.first" ] && break; sleep 0.025; done
  [ -s "$work/$run.first" ] || { echo "the room did not draw" >&2; exit 1; }
  tmux -L "$socket" display -p -t "$run" '#{pane_pid}'
}

first_frame_ms() { # $1: name of a run
  echo "$(( ($(cat "$work/$1.first") - $(cat "$work/$1.start")) / 1000 ))" |
    awk '{ printf "%.1f", $1 / 1000 }'
}

# A session that outlives the others, so the server stays up between runs.
tmux -L "$socket" new-session -d -s keep -x 80 -y 24 "sleep 3600"

echo "== first frame, 7 openings"
frames=()
for i in $(seq 7); do
  open_room "open$i" >/dev/null
  frames+=("$(first_frame_ms "open$i")")
  tmux -L "$socket" send-keys -t "open$i" q
  sleep 0.2
done
median=$(printf '%s\n' "${frames[@]}" | sort -n | sed -n 4p)
fastest=$(printf '%s\n' "${frames[@]}" | sort -n | head -1)
echo "first frame (ms): ${frames[*]}"

echo "== CPU over ${seconds} s of animation"
pid=$(open_room animate)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks "$pid"); sleep "$seconds"; after=$(ticks "$pid")
cpu=$(awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }')
percent=$(awk -v c="$cpu" -v s="$seconds" 'BEGIN { printf "%.2f", 100 * c / s }')
tmux -L "$socket" send-keys -t animate q

echo
echo "room_cpu: 80x24, motion on, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
echo "CPU while animating: ${cpu} s over ${seconds} s = ${percent} % of a core (target < 2 %)"
echo "first frame: ${median} ms median of 7, fastest ${fastest} ms (target < 50 ms)"
