#!/usr/bin/env bash
# The joy window (the tray's "Write a small joy") on a virtual desktop (Xvfb
# with openbox): how long from asking to a window on screen, and the memory
# (PSS) it costs while it shows, against two windows measured the same way in
# the same run:
#   the break screen: iyashi's other small window (the same plumbing, a larger card);
#   xmessage:         the X11 floor, a one-line Athena widget dialog with no
#                     text field, no font shaping and no drawing.
# Targets (as the break screen's): first frame < 300 ms, window < 40 MB.
#
# usage: bench/joy_window.sh [RUNS]   (IYASHI=binary to skip the build)
# the desktop: bench/desktop.sh
# needs: apt-get install xvfb openbox dbus xdotool x11-utils
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/desktop.sh"
desktop_needs "apt-get install xvfb openbox dbus xdotool x11-utils" Xvfb openbox dbus-daemon xdotool xmessage
iyashi=$(desktop_iyashi)
desktop_start openbox

python3 - "$runs" "$iyashi" "$work" "$root/bench/results/joy_window.txt" <<'PY'
import os, statistics, subprocess, sys, time
runs, iyashi, work, result = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

sys.path.insert(0, os.path.join(os.path.dirname(result), ".."))
from window_probe import gone, mapped, pss_mib

env = dict(os.environ, IYASHI_HOME=os.path.join(work, "iyashi"), LANG="C.UTF-8")
os.makedirs(env["IYASHI_HOME"], mode=0o700, exist_ok=True)

def measure(args, name, reports_frame):
    frame, shown, pss = [], [], []
    for _ in range(runs):
        start = time.monotonic()
        p = subprocess.Popen(args, env=env, stderr=subprocess.PIPE, text=True)
        shown.append(mapped(name, start))
        if reports_frame:
            frame.append(float(p.stderr.readline().split()[2]) / 1000)
        time.sleep(1.5)
        pss.append(pss_mib(p.pid))
        p.kill(); p.wait()
        gone(name)
        time.sleep(0.5)
    return frame, shown, pss

m = statistics.median
joy = measure([iyashi, "--lang", "en", "joy-window", "--report-first-frame"], "^iyashi: a small joy$", True)
brk = measure([iyashi, "break-screen", "--seconds", "60", "--activity", "breath-box",
               "--report-first-frame"], "^iyashi: a break$", True)
xm = measure(["xmessage", "-name", "floor", "-title", "xmessage floor", "A small joy today?"],
             "^xmessage floor$", False)

def row(label, r):
    frame = f"first frame {m(r[0])*1000:5.0f} ms  " if r[0] else " " * 20
    return f"{label:13} {frame}window mapped {m(r[1])*1000:5.0f} ms  PSS {m(r[2]):5.1f} MB"

lines = [
    f"joy window vs the break screen and xmessage, Xvfb with openbox, median of {runs} runs "
    f"(bench/joy_window.sh {runs})",
    "",
    row("joy window", joy),
    row("break screen", brk),
    row("xmessage", xm),
    "",
    f"joy window first frame: {m(joy[0])*1000:.0f} ms ({'ok' if m(joy[0]) < 0.3 else 'ABOVE 300 ms'}); "
    f"mapped: joy/break screen = {m(joy[1])/m(brk[1]):.2f}x, joy/xmessage = {m(joy[1])/m(xm[1]):.2f}x",
    f"joy window memory: {m(joy[2]):.1f} MB ({'ok' if m(joy[2]) < 40 else 'ABOVE 40 MB'}); "
    f"joy/break screen = {m(joy[2])/m(brk[2]):.2f}x, joy/xmessage = {m(joy[2])/m(xm[2]):.1f}x",
]
text = "\n".join(lines)
print("\n" + text)
with open(result, "w") as f:
    f.write(text + "\n")
PY
