#!/usr/bin/env python3
"""Which crates a running program's resident code pages belong to.

usage: resident_code.py PID [TOP]   (as root: /proc/PID/pagemap)

Reads which pages of the program's own executable mappings are in memory
(/proc/PID/pagemap), names the functions on each page from the binary's
symbol table (`nm`), and sums the pages per crate (a page shared by two
crates' functions is split between them by bytes). The program must not
be stripped.
"""
import bisect
import collections
import os
import re
import struct
import subprocess
import sys

PAGE = os.sysconf("SC_PAGE_SIZE")


def executable_mappings(pid):
    exe = os.readlink(f"/proc/{pid}/exe")
    base, spans = None, []
    with open(f"/proc/{pid}/maps") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 6 or parts[5] != exe:
                continue
            start, end = (int(x, 16) for x in parts[0].split("-"))
            if base is None:
                base = start - int(parts[2], 16)
            if "x" in parts[1]:
                spans.append((start, end))
    return exe, base, spans


def resident_pages(pid, spans):
    pages = []
    with open(f"/proc/{pid}/pagemap", "rb") as f:
        for start, end in spans:
            f.seek(start // PAGE * 8)
            data = f.read((end - start) // PAGE * 8)
            for n, (entry,) in enumerate(struct.iter_unpack("<Q", data)):
                if entry >> 63:
                    pages.append(start + n * PAGE)
    return pages


def crate_of(symbol):
    """The crate a demangled symbol's code comes from (its first path part)."""
    name = symbol
    while name.startswith("<"):
        name = name[1:]
    name = re.sub(r"^(dyn |&mut |&|\*const |\*mut |\[)", "", name)
    first = re.split(r"::|<| as |\s", name, maxsplit=1)[0]
    return first or symbol


def symbols(exe):
    out = subprocess.run(
        ["nm", "-C", "-n", "-S", "--defined-only", exe], capture_output=True, text=True, check=True
    ).stdout
    table = []
    for line in out.splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 4 and parts[2] in "tTwW":
            table.append((int(parts[0], 16), int(parts[1], 16), crate_of(parts[3])))
    return table


def main():
    pid = int(sys.argv[1])
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    exe, base, spans = executable_mappings(pid)
    pages = resident_pages(pid, spans)
    table = symbols(exe)
    starts = [s for s, _, _ in table]
    by_crate = collections.Counter()
    for page in pages:
        lo, hi = page - base, page - base + PAGE
        i = max(bisect.bisect_right(starts, lo) - 1, 0)
        named = 0
        while i < len(table) and table[i][0] < hi:
            s, size, crate = table[i]
            overlap = min(hi, s + size) - max(lo, s)
            if overlap > 0:
                by_crate[crate] += overlap
                named += overlap
            i += 1
        by_crate["(no symbol)"] += PAGE - named
    total = sum(spans_len for spans_len in (e - s for s, e in spans))
    print(f"{exe}: {len(pages) * PAGE // 1024} kB of {total // 1024} kB of code resident")
    for crate, size in by_crate.most_common(top):
        print(f"{size // 1024:>8} kB  {crate}")


if __name__ == "__main__":
    main()
