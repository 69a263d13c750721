#!/usr/bin/env bash
# Goro on the desktop (`iyashi desk`) on a virtual desktop (Xvfb with openbox):
# how long from asking to his first frame, the memory (PSS) he costs, and the
# CPU he takes over IDLE seconds of lounging (no daemon: the stop-motion alone,
# holding each take 2-3 ticks), against a peer measured the same way in the
# same run:
#   xclock: x11-apps' analogue clock, a small always-there desktop window that
#           also redraws by itself (every second); when x11-apps is not
#           installed, the break screen (iyashi's own window with a countdown).
# Targets: first frame < 300 ms, memory < 40 MB, idle CPU near zero (< 1 %).
#
# usage: bench/desk.sh [RUNS] [IDLE]   (IYASHI=binary to skip the build)
# the desktop: bench/desktop.sh
# needs: apt-get install xvfb openbox dbus xdotool x11-utils (x11-apps for xclock)
set -euo pipefail
runs=${1:-3}
idle=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/desktop.sh"
desktop_needs "apt-get install xvfb openbox dbus xdotool x11-utils" Xvfb openbox dbus-daemon xdotool
iyashi=$(desktop_iyashi)
desktop_start openbox

python3 - "$runs" "$idle" "$iyashi" "$work" "$root/bench/results/desk.txt" <<'PY'
import os, shutil, statistics, subprocess, sys, time
runs, idle, iyashi, work, result = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]

sys.path.insert(0, os.path.join(os.path.dirname(result), ".."))
from window_probe import gone, mapped, pss_mib

env = dict(os.environ, IYASHI_HOME=os.path.join(work, "iyashi"), LANG="C.UTF-8")
os.makedirs(env["IYASHI_HOME"], mode=0o700, exist_ok=True)
ticks = os.sysconf("SC_CLK_TCK")

def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks

def measure(args, name, reports_frame):
    frame, shown, pss, cpu = [], [], [], []
    for _ in range(runs):
        start = time.monotonic()
        p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        shown.append(mapped(name, start))
        if reports_frame:
            frame.append(float(p.stderr.readline().split()[2]) / 1000)
        time.sleep(1.5)
        pss.append(pss_mib(p.pid))
        before, t0 = cpu_seconds(p.pid), time.monotonic()
        time.sleep(idle)
        cpu.append(100 * (cpu_seconds(p.pid) - before) / (time.monotonic() - t0))
        p.kill(); p.wait()
        gone(name)
        time.sleep(0.5)
    return frame, shown, pss, cpu

m = statistics.median
desk = measure([iyashi, "--lang", "en", "desk", "--report-first-frame"], "^Goro$", True)
if shutil.which("xclock"):
    peer_name = "xclock"
    peer = measure(["xclock", "-title", "xclock peer", "-update", "1"], "^xclock peer$", False)
else:
    peer_name = "break screen"
    peer = measure([iyashi, "break-screen", "--seconds", str(idle + 30), "--activity", "breath-box",
                    "--report-first-frame"], "^iyashi: a break$", True)

def row(label, r):
    frame = f"first frame {m(r[0])*1000:5.0f} ms  " if r[0] else " " * 20
    return (f"{label:13} {frame}window mapped {m(r[1])*1000:5.0f} ms  PSS {m(r[2]):5.1f} MB  "
            f"CPU over {idle} s {m(r[3]):5.2f} %")

lines = [
    f"desk (Goro on the desktop) vs {peer_name}, Xvfb with openbox, median of {runs} runs "
    f"(bench/desk.sh {runs} {idle})",
    "",
    row("desk", desk),
    row(peer_name, peer),
    "",
    f"desk first frame: {m(desk[0])*1000:.0f} ms ({'ok' if m(desk[0]) < 0.3 else 'ABOVE 300 ms'}); "
    f"mapped: desk/{peer_name} = {m(desk[1])/m(peer[1]):.2f}x",
    f"desk memory: {m(desk[2]):.1f} MB ({'ok' if m(desk[2]) < 40 else 'ABOVE 40 MB'}); "
    f"desk/{peer_name} = {m(desk[2])/m(peer[2]):.2f}x",
    f"desk idle CPU: {m(desk[3]):.2f} % ({'ok' if m(desk[3]) < 1 else 'ABOVE 1 %'}); "
    + (f"desk/{peer_name} = {m(desk[3])/m(peer[3]):.2f}x" if m(peer[3]) >= 0.01
       else f"{peer_name} below the 0.01 % the kernel's ticks can tell"),
]
text = "\n".join(lines)
print("\n" + text)
with open(result, "w") as f:
    f.write(text + "\n")
PY
