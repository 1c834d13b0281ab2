#!/usr/bin/env python3
"""Assigns the split of fresh-corpus.jsonl: about 25% "sealed", the rest "tune".

Stratified by language (the id's fr-en / fr-cy prefix) and expectedLifeAtRisk, with a fixed seed, so the
sealed half has the same mix as the whole and rerunning gives the same split. Rewrites the file in place,
keeping line order.
Usage: python3 split-fresh.py [fresh-corpus.jsonl]

Retired in round 6: every message is now "tune" (the sealed quarter was read and tuned on); this script only
records how the split was drawn. Do not rerun it.
"""
import json
import random
import sys
from collections import defaultdict

SEED = 4
SEALED_SHARE = 0.25

path = sys.argv[1] if len(sys.argv) > 1 else "fresh-corpus.jsonl"
with open(path, encoding="utf-8") as fh:
    rows = [json.loads(line) for line in fh if line.strip()]

strata = defaultdict(list)
for r in rows:
    strata[(r["id"].split("-")[1], r["expectedLifeAtRisk"])].append(r["id"])

rng = random.Random(SEED)
sealed = set()
for key in sorted(strata):
    ids = sorted(strata[key])
    rng.shuffle(ids)
    sealed.update(ids[: round(len(ids) * SEALED_SHARE)])

with open(path, "w", encoding="utf-8") as fh:
    for r in rows:
        r["split"] = "sealed" if r["id"] in sealed else "tune"
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")

for key in sorted(strata):
    n = len(strata[key])
    s = sum(1 for i in strata[key] if i in sealed)
    print(f"{key[0]} lifeAtRisk={key[1]}: {n} messages, {s} sealed")
print(f"total {len(rows)}, sealed {len(sealed)}")
