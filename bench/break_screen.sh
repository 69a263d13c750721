#!/usr/bin/env bash
# The break screen against Workrave's rest break window, on a virtual desktop
# (Xvfb with openbox): how long from asking to a window on screen, and the
# memory (PSS) the break costs while it shows.
#   iyashi:   `iyashi break-screen` started as iyashi watch starts it; the time
#             to its first frame as it reports it (command start to pixels presented),
#             and to its window being mapped, seen by xdotool; PSS of that
#             short-lived process.
#   Workrave: resident already; RestBreak over its D-Bus control interface;
#             the time to its "Rest break" window being mapped, seen the same
#             way; its whole PSS while the break shows, and the growth over
#             its idle PSS.
# Targets: iyashi's first frame < 300 ms, its window < 40 MB.
#
# usage: bench/break_screen.sh [RUNS]   (IYASHI=binary to skip the build)
# the desktop: bench/desktop.sh
# needs: apt-get install xvfb openbox dbus xdotool workrave
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/desktop.sh"
desktop_needs "apt-get install xvfb openbox dbus xdotool workrave" Xvfb openbox dbus-daemon xdotool workrave gdbus
iyashi=$(desktop_iyashi)
desktop_start openbox
workrave > "$work/workrave.log" 2>&1 & workrave_pid=$!; pids+=($workrave_pid)
sleep 8 # let Workrave finish starting up

python3 - "$runs" "$iyashi" "$workrave_pid" "$work" "$root/bench/results/break_screen.txt" <<'PY'
import os, statistics, subprocess, sys, time
runs, iyashi, workrave_pid, work, result = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]

sys.path.insert(0, os.path.join(os.path.dirname(result), ".."))
from window_probe import gone, mapped, pss_mib

env = dict(os.environ, IYASHI_HOME=os.path.join(work, "iyashi"), LANG="C.UTF-8")
os.makedirs(env["IYASHI_HOME"], mode=0o700, exist_ok=True)
i_frame, i_map, i_pss = [], [], []
for _ in range(runs):
    start = time.monotonic()
    p = subprocess.Popen([iyashi, "break-screen", "--seconds", "60", "--activity", "breath-box",
                          "--report-first-frame"], env=env, stderr=subprocess.PIPE, text=True)
    i_map.append(mapped("^iyashi: a break$", start))
    line = p.stderr.readline()
    i_frame.append(float(line.split()[2]) / 1000)
    time.sleep(1.5)
    i_pss.append(pss_mib(p.pid))
    p.kill(); p.wait()
    gone("^iyashi: a break$")
    time.sleep(0.5)

def workrave(method, *args):
    path, iface = {"RestBreak": ("/org/workrave/Workrave/UI", "org.workrave.ControlInterface"),
                   "SkipBreak": ("/org/workrave/Workrave/Core", "org.workrave.CoreInterface")}[method]
    subprocess.run(["gdbus", "call", "--session", "--dest", "org.workrave.Workrave",
                    "--object-path", path, "--method", f"{iface}.{method}", *args],
                   check=True, capture_output=True)

w_idle = pss_mib(workrave_pid)
w_map, w_pss = [], []
for _ in range(runs):
    start = time.monotonic()
    workrave("RestBreak")
    w_map.append(mapped("^Rest break$", start))
    time.sleep(1.5)
    w_pss.append(pss_mib(workrave_pid))
    workrave("SkipBreak", "restbreak")
    gone("^Rest break$")
    time.sleep(1.0)

m = statistics.median
lines = [
    f"break screen vs Workrave's rest break window, Xvfb 1280x800 with openbox, median of {runs} runs "
    f"(bench/break_screen.sh {runs})",
    "",
    f"iyashi   first frame {m(i_frame)*1000:6.0f} ms (command start to pixels presented)  "
    f"window mapped {m(i_map)*1000:6.0f} ms  PSS {m(i_pss):5.1f} MB (the break-screen process alone)",
    f"workrave                                              "
    f"window mapped {m(w_map)*1000:6.0f} ms  PSS {m(w_pss):5.1f} MB (whole program while the break shows; "
    f"{m(w_pss) - w_idle:+.1f} MB over its idle {w_idle:.1f} MB)",
    "",
    f"time to first frame: {m(i_frame)*1000:.0f} ms ({'ok' if m(i_frame) < 0.3 else 'ABOVE 300 ms'}); "
    f"window mapped: iyashi/Workrave = {m(i_map)/m(w_map):.2f}x (a new process against a resident one)",
    f"memory: {m(i_pss):.1f} MB ({'ok' if m(i_pss) < 40 else 'ABOVE 40 MB'}); "
    f"Workrave while showing / iyashi's screen = {m(w_pss)/m(i_pss):.1f}x",
]
text = "\n".join(lines)
print("\n" + text)
with open(result, "w") as f:
    f.write(text + "\n")
PY
