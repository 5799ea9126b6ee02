#!/usr/bin/env python3
"""Build regions_since.tsv: the divisions set up or renamed after the data of
regions.tsv, from the NBS division codes as packaged by
modood/Administrative-divisions-of-China (MIT licence, Copyright (c) 2017 mwn),
data as of 2022-10-31.

    git clone --depth 1 https://github.com/modood/Administrative-divisions-of-China /tmp/adc
    python3 build_regions_since.py /tmp/adc/dist > regions_since.tsv

Output: one line per new prefecture or county-level division,
`code<TAB>name<TAB>short<TAB>replaces`, sorted by code. `short` is made as in
build_regions.py; `replaces` is the code in regions.tsv of the division it
renames (same code; or the same short form, or the old name with 区, under the
same prefecture; or, for a code gone from the new data, the same name or short
form in the same province), empty for a new one. Development zones (codes ending 71-79) are left out.
"""
import csv
import os
import sys

from build_regions import short_form


def main(dist, regions="regions.tsv"):
    ours = {}
    for line in open(regions, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        ours[int(cols[0])] = (cols[1], cols[2] if len(cols) > 2 else "")
    rows = []
    for r in csv.DictReader(open(os.path.join(dist, "cities.csv"), encoding="utf-8")):
        code, name = int(r["code"]) * 100, r["name"]
        if name.endswith("行政区划") or name in ("市辖区", "县") or ours.get(code, ("",))[0] == name:
            continue
        rows.append((code, name))
    for r in csv.DictReader(open(os.path.join(dist, "areas.csv"), encoding="utf-8")):
        code, name = int(r["code"]), r["name"]
        prefecture = ours.get(code // 100 * 100, ("",))[0]
        if 71 <= code % 100 <= 79 or name in ("市辖区", prefecture) or ours.get(code, ("",))[0] == name:
            continue
        rows.append((code, name))
    new_codes = {c for c, _ in rows}
    known = {}
    for c in csv.DictReader(open(os.path.join(dist, "areas.csv"), encoding="utf-8")):
        known[int(c["code"])] = c["name"]
    for c in csv.DictReader(open(os.path.join(dist, "cities.csv"), encoding="utf-8")):
        known[int(c["code"]) * 100] = c["name"]
    taken = set()
    print("# Divisions set up or renamed after the data of regions.tsv (NBS codes as of")
    print("# 2022-10-31, via modood/Administrative-divisions-of-China, MIT licence): code,")
    print("# full name, short form, and the code in regions.tsv of the division it renames")
    print("# (empty for a new one). Made by build_regions_since.py; see README.md.")
    for code, name in sorted(rows):
        short = short_form(name, [])
        if any(name.endswith(s) for s in ("自治县", "自治旗", "自治州")):
            short = ""
        pref = code // 100 if code % 100 else code // 10000
        replaces = ""
        for old, (oname, oshort) in sorted(ours.items()):
            if old in taken or oname == name and old == code:
                continue
            same_code = old == code and oname != name
            if code % 100:
                same_pref = old // 100 == code // 100 and old % 100 != 0
                renamed = same_pref and ((short and oshort == short) or name == oname + "区")
                # Under a prefecture since renamed (那曲地区 → 那曲市), or a
                # county of a municipality turned district (梁平县 → 梁平区).
                moved = (old // 10000 == code // 10000 and old % 100 != 0 and old not in known
                         and (oname == name or (short and oshort == short)))
            else:
                renamed = (old % 10000 != 0 and old % 100 == 0 and old // 10000 == code // 10000
                           and old not in known and short and oshort == short)
                moved = False
            if same_code or renamed or moved:
                replaces = str(old)
                taken.add(old)
                break
        print(f"{code}\t{name}\t{short}\t{replaces}")


if __name__ == "__main__":
    main(*sys.argv[1:])
