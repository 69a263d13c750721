#!/usr/bin/env python3
"""Measures idle processes from /proc, each with all its descendants.

usage: proc_footprint.py SECONDS NAME=PID [NAME=PID ...]

Waits a little, samples CPU time and voluntary context switches (each thread's
wakeups), sleeps SECONDS, samples again, then reads PSS from smaps_rollup.
Prints one row per program and a JSON line for scripts.
"""
import json
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def tree(root):
    """root and every live descendant."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime, stime, cutime, cstime
        total += sum(int(x) for x in fields[11:15])
    return total / TICK


def wakeups(pids):
    total = 0
    for pid in pids:
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/status") as f:
                    for line in f:
                        if line.startswith("voluntary_ctxt_switches"):
                            total += int(line.split()[1])
            except OSError:
                pass
    return total


def pss_kib(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def main():
    seconds = float(sys.argv[1])
    programs = [arg.split("=", 1) for arg in sys.argv[2:]]
    programs = [(name, int(pid)) for name, pid in programs]
    before = {name: (cpu_seconds(tree(pid)), wakeups(tree(pid))) for name, pid in programs}
    start = time.monotonic()
    time.sleep(seconds)
    elapsed = time.monotonic() - start
    rows = {}
    for name, pid in programs:
        pids = tree(pid)
        cpu0, wake0 = before[name]
        rows[name] = {
            "pss_mib": pss_kib(pids) / 1024,
            "cpu_seconds": cpu_seconds(pids) - cpu0,
            "cpu_percent": 100 * (cpu_seconds(pids) - cpu0) / elapsed,
            "wakeups_per_second": (wakeups(pids) - wake0) / elapsed,
            "processes": len(pids),
        }
    print(f"{'':12}{'PSS':>10}{'CPU s':>9}{'% core':>9}{'wakeups/s':>11}{'procs':>7}")
    for name, r in rows.items():
        print(
            f"{name:12}{r['pss_mib']:>8.1f}MB{r['cpu_seconds']:>9.2f}{r['cpu_percent']:>8.3f}%"
            f"{r['wakeups_per_second']:>11.2f}{r['processes']:>7}"
        )
    print(json.dumps({"seconds": elapsed, "programs": rows}))


if __name__ == "__main__":
    main()
