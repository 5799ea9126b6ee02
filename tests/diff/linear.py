"""Linear time: extraction of 8x the text takes about 8x the time, on
texts built to provoke worse: very long digit runs, units repeated
thousands of times, a long list of organisations and places (canonical
linking), one endless sentence, report sentences repeated, stray code
points between digits, a long list of places before many 分别, a news
story whose scene carries over thousands of paragraphs.

    python tests/diff/linear.py        (the venv with `shushuo` installed)

For each shape, the best of three timings at n and at 8n characters
(n about 40,000, doubled until the shorter run takes 5 ms); the ratio must
stay under LIMIT (24: linear is 8, quadratic 64, so the slack
absorbs a busy shared machine without letting a quadratic path through).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import shushuo

LIMIT = 24.0
BASE = 40_000  # characters at n; 8n = 320,000


SCHOOLS = "schools sharing a first character (第N中学)"
VARIED = "organisations with ten first characters (甲子…科技有限公司)"
ORGS = "organisations sharing their first characters (北京…科技有限公司)"


def chinese(i: int) -> str:
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(i))


def digits(n: int) -> str:
    return ("1234567890" * (n // 10 + 1))[:n]


def shapes() -> dict[str, Callable[[int], str]]:
    sentence = "2023年江北区地区生产总值达到1234.5亿元，同比增长6.2%，教育部在北京召开会议。"
    return {
        "digit run": lambda n: "投入" + digits(n) + "元",
        "point and digits": lambda n: "比例0." + "1" * n + "%",
        "repeated unit": lambda n: "资金九" + "亿" * n + "元",
        "places": lambda n: "、".join(f"江北区{i}街道" for i in range(n // 10)),
        VARIED: lambda n: "、".join(
            f"{'甲乙丙丁戊己庚辛壬癸'[i % 10]}{'子丑寅卯辰巳午未申酉戌亥'[i // 10 % 12]}{chinese(i // 120)}科技有限公司"
            for i in range(n // 12)
        ),
        SCHOOLS: lambda n: "、".join(f"第{i}中学" for i in range(n // 8)),
        ORGS: lambda n: "、".join(f"北京{chinese(i)}号科技有限公司" for i in range(n // 14)),
        "one long sentence": lambda n: "，".join(
            f"新增学位{i}个" for i in range(n // 9)
        )
        + "。",
        "report sentences": lambda n: sentence * (n // len(sentence)),
        "digits split by stray code points": lambda n: "投入" + "\u00a0".join(digits(n // 2)) + "元",
        "a list of places, then 分别 over and over": lambda n: "、".join(
            ["北京", "上海", "广州", "深圳"] * (n // 12)
        )
        + "分别" * (n // 4),
        "a news scene over many paragraphs": lambda n: "喀什地区见闻\n本报喀什电(记者 李明)\n"
        + "麦盖提县的棉田里,近万人次参观。" * (n // 40)
        + "\n"
        + "“买买提·阿不都说,前10个月种了两千余亩。”\n" * (n // 48),
    }


def best_of(extract: Callable[[str], object], text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        extract(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ex = shushuo.Extractor("2024-06-30")
    failed = 0
    for name, make in shapes().items():
        base = BASE
        small = make(base)
        t1 = best_of(ex.extract, small)
        # A few milliseconds at least, so that noise does not decide the ratio.
        while t1 < 0.005 and base < 32 * BASE:
            base *= 2
            small = make(base)
            t1 = best_of(ex.extract, small)
        large = make(8 * base)
        t8 = best_of(ex.extract, large)
        ratio = t8 / t1
        ok = ratio < LIMIT
        label = "ok" if ok else "SLOW"
        failed += not ok
        print(
            f"{label}: {name}: {len(small):,} chars {t1 * 1e3:.1f} ms, "
            f"{len(large):,} chars {t8 * 1e3:.1f} ms, x{ratio:.1f}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
