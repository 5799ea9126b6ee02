"""KNOWN BUGS of the core, found by the differential test's generator (issue
#13, "Dates normalise to invalid ISO"): failing tests, kept here until
core/src/entity/date.rs is fixed. They are not fixed here (this helper owns
the tests, not the core).

    python tests/diff/known_bugs.py        (the venv with `shushuo` installed)

Each case is a text, a reference date and the DATE contract of README
"Guarantees": a DATE's normalized form is its surface text or a valid ISO
date (YYYY, YYYY-MM, YYYY-MM-DD, years 0001-9999), or an ordered range
A/B of two. Prints one line per case:
    KNOWN BUG ...   the case still fails (expected, for now);
    FIXED ...       it passes: delete it from CASES (the stage then fails,
                    so that a fix is noticed and the case becomes a
                    regression test of the core instead).
Exits 0 when every case still fails, 1 when one is fixed.
tests/ci/50-differential.sh names each
known bug on run_all.sh's last line through the skip protocol.
"""

from __future__ import annotations

import calendar
import re
import sys

import shushuo

# (reference date, text, what is wrong today)
CASES = [
    ("9999-12-31", "明年3月", "year 10000 (明年 from 9999-12-31 gives 10000-03)"),
    ("0001-01-01", "去年底", "year 0 (去年底 from 0001-01-01 gives 0-12)"),
    ("0001-01-01", "今年", "year not 4 digits (今年 from 0001-01-01 gives 1)"),
    ("2024-06-30", "明年12月31日至1月1日", "range ends before it starts (2025-12-31/2025-01-01)"),
    ("2024-06-30", "2020-2019年", "range ends before it starts (2020/2019)"),
    ("2024-06-30", "2023-02-30", "invalid date kept in ISO shape (normalized 2023-02-30)"),
    ("2024-06-30", "2023-99-99", "invalid date kept in ISO shape (normalized 2023-99-99)"),
    # Found by the fuzz pass (tests/ci/50-fuzz.sh).
    ("2024-06-30", "2023-99-00 99:99:99", "invalid date given an ISO value (normalized 2023-99-00)"),
]

ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_bounds(s: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    m = ISO.fullmatch(s)
    if not m:
        raise ValueError(f"{s!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    y = int(m[1])
    if not 1 <= y <= 9999:
        raise ValueError(f"year of {s!r}")
    if m[2] is None:
        return (y, 1, 1), (y, 12, 31)
    mo = int(m[2])
    if not 1 <= mo <= 12:
        raise ValueError(f"month of {s!r}")
    last = calendar.monthrange(y, mo)[1]
    if m[3] is None:
        return (y, mo, 1), (y, mo, last)
    d = int(m[3])
    if not 1 <= d <= last:
        raise ValueError(f"day of {s!r}")
    return (y, mo, d), (y, mo, d)


def date_violation(normalized: str) -> str | None:
    """Why a DATE's normalized form breaks the contract (None if it keeps it)."""
    if not re.fullmatch(r"[0-9/-]+", normalized):
        return None  # the surface text, not an ISO value
    ends = normalized.split("/")
    if len(ends) > 2:
        return f"{normalized!r}: more than two ends"
    try:
        bounds = [iso_bounds(e) for e in ends]
    except ValueError as e:
        return f"{normalized!r}: invalid {e}"
    if len(bounds) == 2 and bounds[0][0] > bounds[1][1]:
        return f"{normalized!r}: range ends before it starts"
    return None


def main() -> int:
    fixed = 0
    for ref, text, what in CASES:
        doc = shushuo.Extractor(ref).extract(text)
        dates = [e.normalized for e in doc.entities if e.kind == "DATE"]
        problems = [p for p in map(date_violation, dates) if p]
        if problems:
            print(f"KNOWN BUG: {text!r} (reference {ref}): {what}; {'; '.join(problems)}")
        else:
            fixed += 1
            print(f"FIXED: {text!r} (reference {ref}) now gives {dates}: delete it from CASES")
    return 1 if fixed else 0


if __name__ == "__main__":
    sys.exit(main())
