#!/usr/bin/env bash
# iyashi watch with Goro in the tray against the same daemon with --no-tray,
# idle on a virtual desktop with a real StatusNotifier panel
# (gtk-sni-tray-standalone, which fetches the item's icons, tooltip and menu
# as any panel does): resident memory (PSS, children included), CPU seconds
# and wakeups (voluntary context switches) over SECONDS of no input.
# Each daemon runs ALONE (tray, then no tray, RUNS times): side by side they
# would share the program's pages and each PSS would count half of them.
# Target: the tray costs nothing that can be told from noise, the noise being
# the run-to-run spread (max - min) of the daemon without the tray.
# Before measuring, each daemon is made quiet for an hour (`iyashi quiet 1h`):
# with the tray, Goro's face changes to the moon and the panel fetches the new
# pictures, as it does many times a day; a heap that grows with each fetch
# shows here.
#
# usage: bench/watch_tray_footprint.sh [SECONDS] [RUNS]   (IYASHI=binary to skip the build)
# the desktop: bench/desktop.sh
# needs: apt-get install xvfb dbus dunst haskell-gtk-sni-tray-utils imagemagick
set -euo pipefail
seconds=${1:-60}
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out"; mkdir -p "$out"
. "$here/desktop.sh"
desktop_needs "apt-get install xvfb dbus dunst haskell-gtk-sni-tray-utils libglib2.0-bin" Xvfb dbus-daemon dunst gtk-sni-tray-standalone gdbus
iyashi=$(desktop_iyashi)
desktop_start dunst panel

: > "$out/watch_tray_footprint.raw"
for run in $(seq "$runs"); do
  for mode in tray no-tray; do
    echo "== run $run of $runs: $mode, alone, $seconds s without input" >&2
    flags=(); [ "$mode" = no-tray ] && flags=(--no-tray)
    IYASHI_HOME="$work/$mode-$run" "$iyashi" watch "${flags[@]}" > "$work/$mode-$run.log" 2>&1 & pid=$!; pids+=($pid)
    sleep 10 # let it finish starting up, and the panel draw the item
    kill -0 "$pid" 2>/dev/null || { echo "the daemon exited early:" >&2; tail -5 "$work/$mode-$run.log" >&2; exit 1; }
    if [ "$mode" = tray ]; then
      registered=$(desktop_items)
      case "$registered" in
        *StatusNotifierItem-$pid-*) ;;
        *) echo "the tray item did not register with the panel: $registered" >&2; exit 1 ;;
      esac
      [ "$run" = 1 ] && { import -window root -crop 1280x40+0+0 "$out/watch_tray_panel.png" 2>/dev/null || true; }
    fi
    IYASHI_HOME="$work/$mode-$run" "$iyashi" quiet 1h > /dev/null
    sleep 3 # the panel hears of the new face and fetches it
    python3 "$here/proc_footprint.py" "$seconds" "$mode=$pid" | tail -1 >> "$out/watch_tray_footprint.raw"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done

python3 - "$out" "$seconds" "$runs" <<'PY'
import json, statistics, sys, pathlib
out, seconds, runs = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
rows = {"tray": [], "no-tray": []}
for line in (out / "watch_tray_footprint.raw").read_text().splitlines():
    for name, r in json.loads(line)["programs"].items():
        rows[name].append(r)
def col(name, key):
    return [r[key] for r in rows[name]]
lines = [f"idle for {seconds} s on Xvfb with gtk-sni-tray-standalone as the panel, each daemon alone, "
         f"PSS with children (bench/watch_tray_footprint.sh {seconds} {runs})", ""]
for i in range(len(rows["tray"])):
    for name in rows:
        r = rows[name][i]
        lines.append(f"run {i + 1}  {name:8} {r['pss_mib']:6.2f} MB  {r['cpu_percent']:7.3f} % of a core  "
                     f"{r['wakeups_per_second']:6.2f} wakeups/s")
m = statistics.median
lines.append("")
for name in rows:
    pss = col(name, "pss_mib")
    lines.append(f"{name:8} PSS min/median/max {min(pss):.2f} / {m(pss):.2f} / {max(pss):.2f} MB; "
                 f"CPU median {m(col(name, 'cpu_percent')):.3f} %; "
                 f"wakeups median {m(col(name, 'wakeups_per_second')):.2f}/s")
off = col("no-tray", "pss_mib")
noise = max(off) - min(off)
extra = m(col("tray", "pss_mib")) - m(off)
lines += [
    "",
    f"noise (spread of the no-tray runs): {noise:.2f} MB",
    f"memory: the tray adds {extra:+.2f} MB (medians; "
    f"{'within noise' if extra <= noise else 'ABOVE the noise'})",
    f"cpu: {m(col('tray', 'cpu_percent')):.3f} % vs {m(col('no-tray', 'cpu_percent')):.3f} % of a core; "
    f"wakeups: {m(col('tray', 'wakeups_per_second')):.2f}/s vs {m(col('no-tray', 'wakeups_per_second')):.2f}/s",
]
text = "\n".join(lines)
print("\n" + text)
(out / "watch_tray_footprint.txt").write_text(text + "\n")
PY
