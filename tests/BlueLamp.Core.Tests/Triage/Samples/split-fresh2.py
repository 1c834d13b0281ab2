#!/usr/bin/env python3
"""Assigns the split of fresh2-corpus.jsonl: half "sealed", half "tune".

Stratified by language (the id's fr2-en / fr2-cy prefix), expectedCategory and expectedLifeAtRisk, with a
fixed seed, so each half has the same mix as the whole and rerunning gives the same split. A stratum of odd
size gives its extra message to sealed and tune in turn, so the halves differ by at most one. Rewrites the
file in place, keeping line order.
Usage: python3 split-fresh2.py [fresh2-corpus.jsonl]
"""
import json
import random
import sys
from collections import defaultdict

SEED = 20250402

path = sys.argv[1] if len(sys.argv) > 1 else "fresh2-corpus.jsonl"
with open(path, encoding="utf-8") as fh:
    rows = [json.loads(line) for line in fh if line.strip()]

strata = defaultdict(list)
for r in rows:
    strata[(r["id"].split("-")[1], r["expectedCategory"], r["expectedLifeAtRisk"])].append(r["id"])

rng = random.Random(SEED)
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
