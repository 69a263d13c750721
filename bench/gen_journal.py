#!/usr/bin/env python3
"""Writes the same journal twice: as iyashi JSON Lines and as a jrnl text file.

usage: gen_journal.py COUNT OUT_DIR

COUNT entries spread evenly over ten years (2016-2025), three kinds mixed like
a real journal (mostly joys, a mood most days, some notes). The word "lantern"
appears in 1 % of entries, so a search for it returns about COUNT/100 entries.
Deterministic: the same COUNT gives the same files.
"""
import json
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

WORDS = (
    "tea rain walk window cat bread soup train quiet morning evening sun "
    "friend letter music book garden coffee bath snow leaf river bench "
    "warm soft slow small kind long short bright early late home office "
    "温泉 お茶 散歩 夕焼け 桜 雨 猫 パン 電車 公園 読書 月"
).split()


def main():
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(42)
    start = datetime(2016, 1, 1, 8, 0, tzinfo=timezone.utc)
    span = timedelta(days=3652)
    step = span / count
    tokyo = timezone(timedelta(hours=9))
    with open(out / "iyashi.jsonl", "w", encoding="utf-8") as iy, open(
        out / "jrnl.txt", "w", encoding="utf-8"
    ) as jr:
        for i in range(count):
            at = start + step * i
            local = at.astimezone(tokyo)
            # iyashi's day rolls over at 04:00 local time.
            day = (local - timedelta(hours=4)).date()
            words = [rng.choice(WORDS) for _ in range(rng.randint(3, 12))]
            if i % 100 == 7:
                words.insert(rng.randrange(len(words)), "lantern")
            text = " ".join(words)
            r = rng.random()
            kind = "joy" if r < 0.6 else ("mood" if r < 0.85 else "note")
            entry = {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "kind": kind,
                "at": at.strftime("%Y-%m-%dT%H:%M:%S") + "Z",
                "tz": "Asia/Tokyo",
                "day": day.isoformat(),
            }
            if kind == "mood":
                entry["mood"] = rng.randint(1, 5)
            entry["text"] = text
            iy.write(json.dumps(entry, ensure_ascii=False) + "\n")
            jr.write(f"[{local.strftime('%Y-%m-%d %H:%M')}] {text}\n\n")


if __name__ == "__main__":
    main()
