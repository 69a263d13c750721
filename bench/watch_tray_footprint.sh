#!/usr/bin/env bash
# iyashi watch with Goro in the tray against the same daemon with --no-tray,
# side by side, idle on a virtual desktop with a real StatusNotifier panel
# (gtk-sni-tray-standalone, which fetches the item's icons, tooltip and menu
# as any panel does): resident memory (PSS, children included), CPU seconds
# and wakeups (voluntary context switches) over SECONDS of no input.
# Target: the tray costs nothing that matters: memory within 2 MB, CPU and
# wakeups within noise of the daemon without it.
#
# usage: bench/watch_tray_footprint.sh [SECONDS]   (IYASHI=binary to skip the build)
# the desktop: bench/desktop.sh
# needs: apt-get install xvfb dbus dunst haskell-gtk-sni-tray-utils imagemagick
set -euo pipefail
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out"; mkdir -p "$out"
. "$here/desktop.sh"
desktop_needs "apt-get install xvfb dbus dunst haskell-gtk-sni-tray-utils libglib2.0-bin" Xvfb dbus-daemon dunst gtk-sni-tray-standalone gdbus
iyashi=$(desktop_iyashi)
desktop_start dunst panel

echo "== starting both, then $seconds s without input"
IYASHI_HOME="$work/tray" "$iyashi" watch > "$work/tray.log" 2>&1 & tray_pid=$!; pids+=($tray_pid)
IYASHI_HOME="$work/none" "$iyashi" watch --no-tray > "$work/none.log" 2>&1 & none_pid=$!; pids+=($none_pid)
sleep 10 # let each finish starting up, and the panel draw the item
for p in $tray_pid $none_pid; do
  kill -0 "$p" 2>/dev/null || { echo "a daemon exited early; logs in $work" >&2; tail -5 "$work"/*.log >&2; exit 1; }
done
registered=$(desktop_items)
case "$registered" in
  *StatusNotifierItem-$tray_pid-*) ;;
  *) echo "the tray item did not register with the panel: $registered" >&2; exit 1 ;;
esac
import -window root -crop 1280x40+0+0 "$out/watch_tray_panel.png" 2>/dev/null || true

python3 "$here/proc_footprint.py" "$seconds" tray=$tray_pid no-tray=$none_pid \
  | tee "$out/watch_tray_footprint.raw"
python3 - "$out" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
data = json.loads((out / "watch_tray_footprint.raw").read_text().strip().splitlines()[-1])
p = data["programs"]
t, n = p["tray"], p["no-tray"]
lines = [f"idle for {data['seconds']:.0f} s on Xvfb with gtk-sni-tray-standalone as the panel, PSS with children", ""]
for name, r in p.items():
    lines.append(f"{name:10} {r['pss_mib']:6.1f} MB  {r['cpu_percent']:7.3f} % of a core  {r['wakeups_per_second']:6.2f} wakeups/s")
extra = t["pss_mib"] - n["pss_mib"]
lines += [
    "",
    f"memory: the tray adds {extra:.1f} MB (tray/no-tray = {t['pss_mib']/n['pss_mib']:.2f}x; "
    f"{'ok' if extra <= 2 else 'ABOVE 2 MB'})",
    f"cpu: {t['cpu_percent']:.3f} % vs {n['cpu_percent']:.3f} % of a core",
    f"wakeups: {t['wakeups_per_second']:.2f}/s vs {n['wakeups_per_second']:.2f}/s",
]
text = "\n".join(lines)
print("\n" + text)
(out / "watch_tray_footprint.txt").write_text(text + "\n")
PY
