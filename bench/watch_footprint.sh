#!/usr/bin/env bash
# iyashi watch against Workrave and Safe Eyes (both from Debian), idle on a
# virtual desktop: resident memory (PSS, children included), CPU seconds and
# wakeups (voluntary context switches) over SECONDS of no input.
# Targets: iyashi <= 10 MB and <= 1/5 of Workrave's memory, < 0.1 % of a core,
# <= 1 wakeup a second.
#
# usage: bench/watch_footprint.sh [SECONDS]   (IYASHI=binary to skip the build)
# the desktop: bench/desktop.sh
# needs: apt-get install xvfb dbus dunst workrave safeeyes
set -euo pipefail
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out"; mkdir -p "$out"
. "$here/desktop.sh"
desktop_needs "apt-get install xvfb dbus dunst workrave safeeyes" Xvfb dbus-daemon dunst workrave safeeyes
iyashi=$(desktop_iyashi)
desktop_start dunst

echo "== starting the three, then $seconds s without input"
IYASHI_HOME="$work/iyashi" "$iyashi" watch > "$work/iyashi.log" 2>&1 & iyashi_pid=$!; pids+=($iyashi_pid)
workrave > "$work/workrave.log" 2>&1 & workrave_pid=$!; pids+=($workrave_pid)
safeeyes > "$work/safeeyes.log" 2>&1 & safeeyes_pid=$!; pids+=($safeeyes_pid)
sleep 10 # let each finish starting up
for p in $iyashi_pid $workrave_pid $safeeyes_pid; do
  kill -0 "$p" 2>/dev/null || { echo "a program exited early; logs in $work" >&2; tail -5 "$work"/*.log >&2; exit 1; }
done

python3 "$here/proc_footprint.py" "$seconds" iyashi=$iyashi_pid workrave=$workrave_pid safeeyes=$safeeyes_pid \
  | tee "$out/watch_footprint.raw"
python3 - "$out" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
data = json.loads((out / "watch_footprint.raw").read_text().strip().splitlines()[-1])
p = data["programs"]
i, w, s = p["iyashi"], p["workrave"], p["safeeyes"]
lines = [f"idle for {data['seconds']:.0f} s on Xvfb, PSS with children", ""]
for name, r in p.items():
    lines.append(f"{name:10} {r['pss_mib']:6.1f} MB  {r['cpu_percent']:7.3f} % of a core  {r['wakeups_per_second']:6.2f} wakeups/s")
lines += [
    "",
    f"memory: iyashi is {i['pss_mib']:.1f} MB ({'ok' if i['pss_mib'] <= 10 else 'ABOVE 10 MB'}); "
    f"Workrave/iyashi = {w['pss_mib']/i['pss_mib']:.1f}x ({'ok' if w['pss_mib'] >= 5 * i['pss_mib'] else 'BELOW 5x'}); "
    f"Safe Eyes/iyashi = {s['pss_mib']/i['pss_mib']:.1f}x",
    f"cpu: iyashi {i['cpu_percent']:.3f} % of a core ({'ok' if i['cpu_percent'] < 0.1 else 'ABOVE 0.1 %'})",
    f"wakeups: iyashi {i['wakeups_per_second']:.2f}/s ({'ok' if i['wakeups_per_second'] <= 1 else 'ABOVE 1/s'}); "
    f"Workrave {w['wakeups_per_second']:.2f}/s, Safe Eyes {s['wakeups_per_second']:.2f}/s",
]
text = "\n".join(lines)
print("\n" + text)
(out / "watch_footprint.txt").write_text(text + "\n")
PY
