#!/usr/bin/env python3
"""Builds t2s.tsv, the traditional → simplified char fold, from OpenCC's data.

Usage: build_t2s.py OPENCC_DICTIONARY_DIR > t2s.tsv

OPENCC_DICTIONARY_DIR is OpenCC's data/dictionary directory, holding
TSCharacters.txt (traditional → simplified candidates), STCharacters.txt
(simplified → traditional candidates), HKVariants.txt and TWVariants.txt
(standard traditional chars → their Hong Kong and Taiwan forms). All are
`key<TAB>value value…` with `#` comment lines.

A traditional char T with candidates C1 C2 … is folded only where the fold
can never change a simplified text:

1. T is not one of its own candidates (OpenCC keeps 乾, 覆, 瞭, 藉, 徵 … as
   they are in some simplified words), except the chars in ALLOW;
2. T is not a key of STCharacters (it is itself a simplified char: 么, 坏,
   沈, 苧 …);
3. T is no candidate of another key (it is a simplified target: 劄 of 箚).

T folds to its first candidate in the Basic Multilingual Plane, or to its
first candidate where none is (勣 → 绩, not the rarer 𪟝).

A Hong Kong or Taiwan form V of a standard char T (衞 of 衛, 説 of 說)
folds as T does, under the same rules (V is no simplified char, no key kept
as it is).

Output: `trad<TAB>simp` lines sorted by code point, after a short header.
"""

import os
import sys

# Self-mapping chars folded all the same. 於 is the preposition 于 in
# traditional text (對於, 不低於, 相當於); simplified text keeps it only as a
# rare surname.
ALLOW = {"於"}


def load(path):
    """{key: [candidates]} from one OpenCC dictionary file."""
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, values = line.split("\t")
            table[key] = values.split(" ")
    return table


def build(ts, st):
    """The kept (trad, simp) pairs, sorted, and a count of each reason to skip."""
    targets = {}
    for key, cands in ts.items():
        for c in cands:
            if c != key:
                targets.setdefault(c, set()).add(key)
    pairs, skipped = [], {"self": 0, "simplified": 0, "target": 0, "not one char": 0}
    for key, cands in ts.items():
        if len(key) != 1 or any(len(c) != 1 for c in cands):
            skipped["not one char"] += 1
        elif key in cands and key not in ALLOW:
            skipped["self"] += 1
        elif key in st:
            skipped["simplified"] += 1
        elif key in targets:
            skipped["target"] += 1
        else:
            others = [c for c in cands if c != key]
            bmp = [c for c in others if ord(c) <= 0xFFFF]
            pairs.append((key, (bmp or others)[0]))
    pairs.sort(key=lambda p: ord(p[0]))
    return pairs, skipped


def variants(pairs, ts, st, tables):
    """(variant, simp) pairs for the Hong Kong and Taiwan forms of chars
    (`衞` of 衛, `説` of 說, `閲` of 閱): each variant V of a standard
    traditional char T folds as T does, where V is not itself simplified (a
    key of STCharacters or a candidate of TSCharacters), not already folded
    and not kept as it is by OpenCC."""
    fold = dict(pairs)
    simplified = set(st) | {c for cands in ts.values() for c in cands}
    out = {}
    for table in tables:
        for std, forms in table.items():
            simp = fold.get(std, std if std in st else None)
            for v in forms:
                if (simp is not None and len(v) == 1 and v != std and v != simp
                        and v not in fold and v not in simplified and v not in ts):
                    out.setdefault(v, simp)
    return sorted(out.items(), key=lambda p: ord(p[0]))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    ts = load(os.path.join(d, "TSCharacters.txt"))
    st = load(os.path.join(d, "STCharacters.txt"))
    pairs, skipped = build(ts, st)
    hk_tw = [load(os.path.join(d, f)) for f in ("HKVariants.txt", "TWVariants.txt")]
    extra = variants(pairs, ts, st, hk_tw)
    print(f"{len(extra)} Hong Kong and Taiwan variants: {''.join(v for v, _ in extra)}", file=sys.stderr)
    pairs = sorted(pairs + extra, key=lambda p: ord(p[0]))
    out = sys.stdout
    out.write("# Traditional → simplified chars folded for matching: trad<TAB>simp.\n")
    out.write("# Derived from OpenCC's TSCharacters.txt, STCharacters.txt, HKVariants.txt\n")
    out.write("# and TWVariants.txt\n")
    out.write("# (https://github.com/BYVoid/OpenCC, Apache-2.0); see README.md.\n")
    for t, s in pairs:
        out.write(f"{t}\t{s}\n")
    print(f"{len(pairs)} pairs; skipped {skipped}", file=sys.stderr)


if __name__ == "__main__":
    main()
