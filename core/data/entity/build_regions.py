#!/usr/bin/env python3
"""Build regions.tsv (the REGION gazetteer) from the cpca package's data.

    pip download --no-deps -d /tmp/cpca cpca==0.5.5
    cd /tmp/cpca && unzip -q cpca-0.5.5-py3-none-any.whl
    python3 build_regions.py /tmp/cpca/cpca/resources > regions.tsv

Output: one line per division, `code<TAB>name<TAB>short`, sorted by code,
where `code` is the 6-digit administrative code (its first 2 digits name
the province, the first 4 the prefecture) and `short` the name without its
administrative suffix (empty where that would leave fewer than 2 chars).
"""
import csv
import os
import sys

# Longest first, so that 自治县 is tried before 县.
SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "地区",
            "林区", "省", "市", "区", "县", "盟", "旗"]


def short_form(name, nations):
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            base = name[: -len(suf)]
            if suf.startswith("自治"):
                changed = True
                while changed:
                    changed = False
                    for n in nations:
                        # 新疆维吾尔自治区, 伊犁哈萨克自治州: the name
                        # may drop the 族 of the nationality.
                        for form in (n, n[:-1] if n.endswith("族") else n):
                            if base.endswith(form) and len(base) - len(form) >= 2:
                                base, changed = base[: -len(form)], True
                                break
                    if base.endswith("各族"):
                        base, changed = base[:-2], True
            return base if len(base) >= 2 else ""
    return ""


def main(resources):
    nations = [l.strip() for l in open(os.path.join(resources, "56_nations.csv"), encoding="utf-8") if l.strip()]
    nations.sort(key=len, reverse=True)
    rows = {}
    with open(os.path.join(resources, "adcodes.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = r["adcode"][:6]
            if r["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                continue
            rows[code] = r["name"]
    for code in sorted(rows):
        name = rows[code]
        short = short_form(name, nations)
        print(f"{code}\t{name}\t{short}")


if __name__ == "__main__":
    main(sys.argv[1])
