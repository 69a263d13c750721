#!/usr/bin/env bash
# A long import beside other writers: a 1,000,000-line import, and
# `iyashi joy` every 2 s while it runs. Prints how long each joy waited and
# how long the import took, for this iyashi and for the peer: iyashi's own
# import before it wrote in short transactions (the whole file in one
# transaction), built from git at PEER (default: the commit before
# crates/store/src/import.rs appeared).
#
# usage: bench/import_alongside.sh [LINES] [PEER]
# needs: cargo, git, python3
# writes: bench/results/import_alongside.txt
set -euo pipefail
lines=${1:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
peer=${2:-$(git -C "$root" log --diff-filter=A --format=%H -- crates/store/src/import.rs | tail -1)^}
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/peer" 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== building iyashi (release) here and at $peer"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p iyashi
this="${CARGO_TARGET_DIR:-$root/target}/release/iyashi"
git -C "$root" worktree add --quiet --detach "$work/peer" "$peer"
CARGO_TARGET_DIR="$root/target/bench-peer" cargo build --release --quiet \
  --manifest-path "$work/peer/Cargo.toml" -p iyashi
before="$root/target/bench-peer/release/iyashi"

echo "== $lines lines of JSON Lines"
python3 - "$lines" "$work/bulk.jsonl" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    for i in range(n):
        f.write('{"id":"00000000-0000-7000-8000-%012x","kind":"joy","at":"2026-11-25T12:30:00Z",'
                '"tz":"Asia/Tokyo","day":"2026-11-25","text":"a small joy, number %d"}\n' % (i, i))
PY

export TZ=Asia/Tokyo LANG=C.UTF-8 IYASHI_NOW=2026-11-25T12:30:00Z
now_ms() { date +%s%3N; }
run() { # name, binary
  local name=$1 bin=$2
  export IYASHI_HOME="$work/home-$name"
  "$bin" joy "before" >/dev/null
  local start; start=$(now_ms)
  "$bin" import "$work/bulk.jsonl" >/dev/null 2>"$work/$name.import.err" &
  local import=$!
  : >"$work/$name.joys"
  sleep 2
  local n=0
  while kill -0 "$import" 2>/dev/null; do
    n=$((n + 1))
    local t0; t0=$(now_ms)
    if "$bin" joy "during $n" >/dev/null 2>&1; then ok=kept; else ok=refused; fi
    echo "$(( $(now_ms) - t0 )) $ok" >>"$work/$name.joys"
    sleep 2
  done
  wait "$import"
  echo "$(( $(now_ms) - start ))" >"$work/$name.import_ms"
}
echo "== this iyashi"
run this "$this"
echo "== before (one transaction)"
run before "$before"

python3 - "$work" "$lines" "$peer" <<'PY' | tee "$here/results/import_alongside.txt"
import sys, statistics, pathlib
work, lines, peer = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def read(name):
    joys = [l.split() for l in (work / f"{name}.joys").read_text().splitlines()]
    waits = [int(ms) for ms, _ in joys]
    kept = sum(1 for _, ok in joys if ok == "kept")
    return int((work / f"{name}.import_ms").read_text()), waits, kept
print(f"a {lines:,}-line import with `iyashi joy` every 2 s beside it")
print(f"peer: iyashi at {peer} (the import in one transaction)")
print(f"{'':24}{'import':>10}{'joys kept':>12}{'joy median':>12}{'joy max':>10}")
rows = {}
for name, label in [("this", "this iyashi"), ("before", "before")]:
    total, waits, kept = read(name)
    rows[name] = (total, waits)
    med = statistics.median(waits) if waits else 0
    mx = max(waits) if waits else 0
    print(f"{label:24}{total/1000:>9.1f}s{kept:>6} of {len(waits):<4}{med:>10.0f}ms{mx:>8.0f}ms")
(t_this, w_this), (t_before, w_before) = rows["this"], rows["before"]
if w_this and w_before:
    print(f"longest joy wait, before / this: {max(w_before) / max(w_this):.1f}x")
print(f"import time, this / before: {t_this / t_before:.2f}x")
PY
