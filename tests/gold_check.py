#!/usr/bin/env python3
"""Score predictions with the shared scorer and fail below the floors.

    python3 tests/gold_check.py --shared ../shared PRED.jsonl
"""
import argparse
import json
import subprocess
import sys

# Floors the dev gold must clear (issue targets).
FLOORS = {
    ("metrics_full", "f1"): 0.90,
    ("metrics_span", "f1"): 0.95,
    ("metric_attributes", "approx"): 0.95,
    ("metric_attributes", "region"): 0.95,
    ("metric_attributes", "indicator_char_f1"): 0.70,
    ("entities", "ALL"): 0.85,
}
# No entity kind may fall below this F1.
ENTITY_KIND_FLOOR = 0.70


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("pred")
    a = ap.parse_args()
    out = subprocess.run(
        [sys.executable, f"{a.shared}/eval/score.py", "--gold", f"{a.shared}/gold/dev",
         "--corpus", f"{a.shared}/corpus/dev", "--json", a.pred],
        check=True, capture_output=True, text=True).stdout
    r = json.loads(out)
    failures = []
    for (section, key), floor in FLOORS.items():
        got = r[section][key]
        got = got["f1"] if isinstance(got, dict) else got
        print(f"{section}.{key}: {got:.4f} (floor {floor})")
        if got < floor:
            failures.append(f"{section}.{key} {got:.4f} < {floor}")
    for kind in ("PERSON", "REGION", "SCHOOL", "ORG", "WORK", "DATE"):
        got = r["entities"][kind]["f1"]
        print(f"entities.{kind}: {got:.4f} (floor {ENTITY_KIND_FLOOR})")
        if got < ENTITY_KIND_FLOOR:
            failures.append(f"entities.{kind} {got:.4f} < {ENTITY_KIND_FLOOR}")
    if failures:
        print("gold check FAILED: " + "; ".join(failures))
        sys.exit(1)
    print("gold check passed")


if __name__ == "__main__":
    main()
