"""What the window benches (break_screen.sh, joy_window.sh) look at: a
process's memory and when a window named so is on screen or gone, as
xdotool sees it on the bench's virtual desktop."""
import subprocess, time


def pss_mib(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _shown(name):
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                          capture_output=True, text=True).stdout.strip() != ""


def mapped(name, since, limit=10.0):
    """Seconds from `since` until a visible window named `name` exists."""
    while time.monotonic() - since < limit:
        if _shown(name):
            return time.monotonic() - since
        time.sleep(0.005)
    raise SystemExit(f"no window named {name!r} within {limit} s")


def gone(name, limit=10.0):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if not _shown(name):
            return
        time.sleep(0.05)
