#!/usr/bin/env python3
"""Assigns the split of a blind corpus: half "sealed", half "tune".

Stratified by language (the id's en / cy part, as in fr2-en-001), expectedCategory and expectedLifeAtRisk, with a
fixed seed, so each half has the same mix as the whole and rerunning gives the same split. A stratum of odd
size gives its extra message to sealed and tune in turn, so the halves differ by at most one. Rewrites the
file in place, keeping line order.
Usage: python3 split-halves.py CORPUS SEED
The seeds used: fresh2-corpus.jsonl 20250402 (round 7), fresh3-corpus.jsonl 20261126 (before round 8),
fresh4-corpus.jsonl 20261127 (before round 9),
fresh5-corpus.jsonl 20261128 (before round 10), fresh6-corpus.jsonl 20261129 (before round 11). Rerunning
with the same seed gives the same split; never rerun it with another seed on a corpus whose sealed half is kept.
"""
import json
import random
import sys
from collections import defaultdict

if len(sys.argv) != 3:
    sys.exit(__doc__)
path, seed = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as fh:
    rows = [json.loads(line) for line in fh if line.strip()]

strata = defaultdict(list)
for r in rows:
    strata[(r["id"].split("-")[1], r["expectedCategory"], r["expectedLifeAtRisk"])].append(r["id"])

rng = random.Random(seed)
sealed = set()
extra_to_sealed = True
for key in sorted(strata):
    ids = sorted(strata[key])
    rng.shuffle(ids)
    take = len(ids) // 2
    if len(ids) % 2:
        take += extra_to_sealed
        extra_to_sealed = not extra_to_sealed
    sealed.update(ids[:take])

with open(path, "w", encoding="utf-8") as fh:
    for r in rows:
        r["split"] = "sealed" if r["id"] in sealed else "tune"
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")

for key in sorted(strata):
    n = len(strata[key])
    s = sum(1 for i in strata[key] if i in sealed)
    print(f"{key[0]} {key[1]} lifeAtRisk={key[2]}: {n} messages, {s} sealed")
print(f"total {len(rows)}, sealed {len(sealed)}")
