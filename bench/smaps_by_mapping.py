#!/usr/bin/env python3
"""Where a process's resident memory is: /proc/PID/smaps summed per mapping.

usage: smaps_by_mapping.py PID [PID ...]

One row per file (the binary, each library) and per kind of anonymous
memory (heap, thread stacks and arenas, the main stack), with Rss, Pss,
the anonymous part (heap, stacks, copied-on-write pages) and the private
clean pages (a file's pages only this process maps, which the kernel may
drop and read again), largest Pss first. Several
PIDs are summed (a process and its children).
"""
import re
import sys
from collections import defaultdict

HEADER = re.compile(r"^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \d+\s*(.*)$")
FIELDS = ("Rss", "Pss", "Anonymous", "Private_Clean", "Private_Dirty")


def mappings(pid):
    """(name, permissions, {field: kB}) for every mapping of pid."""
    name, perms, fields = None, None, {}
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = HEADER.match(line)
            if head:
                if name is not None:
                    yield name, perms, fields
                perms, path = head.group(1), head.group(2).strip()
                name, fields = path or "[anon]", {}
                continue
            key, _, rest = line.partition(":")
            if key in FIELDS:
                fields[key] = int(rest.split()[0])
    if name is not None:
        yield name, perms, fields


def main():
    rows = defaultdict(lambda: defaultdict(int))
    for pid in sys.argv[1:]:
        for name, perms, fields in mappings(pid):
            if name.startswith("/"):
                # The code (r-x) of a file apart from its data and relocations.
                key = f"{name} ({'code' if 'x' in perms else 'data'})"
            else:
                key = name
            for field, kib in fields.items():
                rows[key][field] += kib
    total = defaultdict(int)
    print(f"{'kB':>8}{'Rss':>8}{'Pss':>8}{'Anon':>8}{'Clean':>8}  mapping")
    for key, f in sorted(rows.items(), key=lambda kv: -kv[1]["Pss"]):
        for field in FIELDS:
            total[field] += f[field]
        if f["Rss"] == 0:
            continue
        print(f"{'':>8}{f['Rss']:>8}{f['Pss']:>8}{f['Anonymous']:>8}{f['Private_Clean']:>8}  {key}")
    print(f"{'total':>8}{total['Rss']:>8}{total['Pss']:>8}{total['Anonymous']:>8}{total['Private_Clean']:>8}")


if __name__ == "__main__":
    main()
