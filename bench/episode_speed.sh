#!/usr/bin/env bash
# Episodes and plots on a 100,000-entry, ten-year journal: whole-process time
# of `iyashi episode` for one month (target < 50 ms), a year plot in the
# terminal and to SVG and PNG (target < 200 ms), and the share card.
#
# usage: bench/episode_speed.sh [ENTRIES] [RUNS]
# needs: cargo, python3, hyperfine (apt-get install hyperfine)
# writes: bench/out/episode_*.json and bench/results/episode_speed.txt
set -euo pipefail
entries=${1:-100000}
runs=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { echo "needs hyperfine: apt-get install hyperfine" >&2; exit 2; }

echo "== building iyashi (release)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p iyashi
iyashi="${CARGO_TARGET_DIR:-$root/target}/release/iyashi"

echo "== generating $entries entries over ten years (2016-2025)"
python3 "$here/gen_journal.py" "$entries" "$work/data"

# A fixed "now" in the last year of the journal: mid-June 2025 in Tokyo, so
# May 2025 is a whole month (about 830 entries) and the year plot is 2025.
export IYASHI_HOME="$work/iyashi" TZ=Asia/Tokyo LANG=C.UTF-8 IYASHI_NOW=2025-06-15T03:00:00Z
"$iyashi" import "$work/data/iyashi.jsonl"
echo "   May 2025: $("$iyashi" episode 2025-05 --json | python3 -c 'import json,sys; e=json.load(sys.stdin); print(e["joy_count"], "joys,", sum(1 for d in e["days"] if d["mood"]), "days with a mood")')"

mkdir -p "$out"
bench() { # name, command
  local name=$1; shift
  hyperfine --shell=none --warmup 3 --runs "$runs" --style basic \
    --export-json "$out/episode_$name.json" "$@" >/dev/null
}
echo "== timing ($runs runs each)"
bench episode "$iyashi episode 2025-05"
bench episode_json "$iyashi episode 2025-05 --json"
bench plot_year_terminal "$iyashi plot year"
bench plot_year_svg "$iyashi plot year -o $work/year.svg"
bench plot_year_png "$iyashi plot year -o $work/year.png"
bench card "$iyashi card 2025-05 -o $work/card.png"

python3 - "$out" "$entries" <<'PY' | tee "$here/results/episode_speed.txt"
import json, sys, pathlib
out, entries = pathlib.Path(sys.argv[1]), sys.argv[2]
def stats(name):
    r = json.loads((out / f"episode_{name}.json").read_text())["results"][0]
    return r["median"] * 1000, r["max"] * 1000
rows = [
    ("episode 2025-05", "episode", 50),
    ("episode 2025-05 --json", "episode_json", 50),
    ("plot year (terminal)", "plot_year_terminal", 200),
    ("plot year -o year.svg", "plot_year_svg", 200),
    ("plot year -o year.png", "plot_year_png", 200),
    ("card 2025-05 -o card.png", "card", None),
]
print(f"journal of {entries} entries; whole-process time, median (max)")
print()
print(f"{'command':28}{'median':>10}{'max':>10}  target")
for label, name, target in rows:
    med, mx = stats(name)
    verdict = "" if target is None else (f"< {target} ms ok" if med < target else f"< {target} ms MISSED")
    print(f"{label:28}{med:>8.1f}ms{mx:>8.1f}ms  {verdict}")
PY
