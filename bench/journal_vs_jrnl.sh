#!/usr/bin/env bash
# iyashi against jrnl (from PyPI) on the same 100,000-entry, ten-year journal:
# whole-process time of one add and one search for a word in ~1 % of entries.
# Prints the medians and the ratio jrnl/iyashi; the target is >= 20x on both.
#
# usage: bench/journal_vs_jrnl.sh [ENTRIES] [RUNS]
# needs: cargo, python3 (venv), hyperfine (apt-get install hyperfine)
set -euo pipefail
entries=${1:-100000}
runs=${2:-15}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { echo "needs hyperfine: apt-get install hyperfine" >&2; exit 2; }

echo "== building iyashi (release)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p iyashi
iyashi="$root/target/release/iyashi"

echo "== installing jrnl from PyPI"
[ -x "$here/.venv/bin/jrnl" ] || { python3 -m venv "$here/.venv" && "$here/.venv/bin/pip" install --quiet jrnl==4.6; }
jrnl="$here/.venv/bin/jrnl"

echo "== generating $entries entries over ten years"
python3 "$here/gen_journal.py" "$entries" "$work/data"

export IYASHI_HOME="$work/iyashi" TZ=Asia/Tokyo LANG=C.UTF-8
"$iyashi" import "$work/data/iyashi.jsonl"

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data-home"
mkdir -p "$XDG_CONFIG_HOME/jrnl"
cp "$work/data/jrnl.txt" "$work/jrnl.txt"
cat > "$XDG_CONFIG_HOME/jrnl/jrnl.yaml" <<YAML
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: $work/jrnl.txt
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
YAML
jrnl_count=$("$jrnl" --format short -n 200000 2>/dev/null | wc -l)
iyashi_found=$("$iyashi" search --json lantern | grep -c '"id"')
jrnl_found=$("$jrnl" -contains lantern --format short 2>/dev/null | wc -l)
echo "   jrnl sees $jrnl_count entries; 'lantern' in $iyashi_found (iyashi) / $jrnl_found (jrnl)"

mkdir -p "$out"
bench() { # name, command...
  local name=$1; shift
  hyperfine --shell=none --warmup 2 --runs "$runs" --style basic \
    --export-json "$out/$name.json" "$@" >/dev/null
}
echo "== timing ($runs runs each)"
bench iyashi_add "$iyashi joy a small lantern of a moon"
bench jrnl_add "$jrnl a small lantern of a moon"
bench iyashi_search "$iyashi search lantern"
bench jrnl_search "$jrnl -contains lantern"

python3 - "$out" "$entries" <<'PY'
import json, sys, pathlib
out, entries = pathlib.Path(sys.argv[1]), sys.argv[2]
median = lambda n: json.loads((out / f"{n}.json").read_text())["results"][0]["median"]
rows = []
for op in ("add", "search"):
    i, j = median(f"iyashi_{op}"), median(f"jrnl_{op}")
    rows.append((op, i, j, j / i))
lines = [f"journal of {entries} entries; median whole-process time", ""]
lines.append(f"{'':8}{'iyashi':>12}{'jrnl':>12}{'jrnl/iyashi':>14}")
for op, i, j, r in rows:
    lines.append(f"{op:8}{i*1000:>10.1f}ms{j*1000:>10.1f}ms{r:>13.1f}x  {'ok' if r >= 20 else 'BELOW TARGET (20x)'}")
text = "\n".join(lines)
print(text)
(out / "summary.txt").write_text(text + "\n")
PY
