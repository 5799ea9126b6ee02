"""Seeded generator of documents for the differential test.

    python3 tests/diff/gen.py --seed 20261129 --count 10000 --out DIR [SOURCE...]

Writes DIR/<reference date>/NNNNN.txt (UTF-8), each document drawn from:
report-like sentences built from templates; sentences of the SOURCE files
(the project's own corpora), mutated; numerals of every form (Arabic,
full-width, grouped, decimal, Chinese small and financial, 〇/○/零, mixed
3.5万, fractions, percent and permille, ranges, very long digit runs);
dates (valid, invalid and relative); traditional script; ASCII and
full-width punctuation; stray spaces, control characters, byte-order marks,
combining marks and other code points. The reference date of each document
(its folder) is one of a few, extremes included, so that relative dates
reach the ends of the calendar.

The same seed always gives the same documents (Python's `random.Random` is
stable across versions for the calls used here).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

REFERENCE_DATES = ("2024-06-30", "2000-02-29", "0001-01-01", "9999-12-31")

REGIONS = (
    "江北区", "青山区", "我区", "全市", "全省", "北京市", "河北省", "冀", "台北", "香港",
    "澳门特别行政区", "恭城瑶族自治县", "南韩", "上海浦东新区", "海淀区", "本县", "全国",
)
ORGS = ("教育部", "国家统计局", "实验小学", "第一中学", "某某科技有限公司", "市人民医院", "区财政局")
PERSONS = ("王明", "李华", "张伟", "陈静", "记者王明")
INDICATORS = (
    "地区生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售总额", "粮食产量",
    "常住人口", "城镇居民人均可支配收入", "研发经费投入", "进出口总额", "新增就业",
    "在校学生", "专任教师", "病床", "公路里程", "森林覆盖率", "失业率", "出生率", "资金",
    "比例", "营业收入", "净利润", "耕地面积", "用电量", "游客", "旅游收入",
)
UNITS = (
    "元", "万元", "亿元", "美元", "港元", "个", "所", "名", "人", "人次", "户", "家", "项",
    "平方米", "平方公里", "亩", "公顷", "吨", "万吨", "千米", "公里", "千瓦时", "倍", "%",
    "％", "个百分点", "年", "天", "小时", "位", "辆", "张", "套", "",
)
CHANGES = (
    "增长", "下降", "减少", "增加", "提高", "比上年增长", "同比增长", "同比下降", "比上年减少",
    "较去年同期增长", "新增", "回落", "",
)
APPROX = ("约", "近", "超过", "逾", "将近", "大约", "不足", "")
APPROX_AFTER = ("多", "余", "以上", "以下", "左右", "上下", "")
PERIODS = (
    "2023年", "今年", "去年", "上半年", "一季度", "1-10月", "2024年1-10月", "全年", "年末",
    "十四五期间", "近5年", "去年底", "明年3月", "2022年末", "二〇二三年", "二○一九年",
    "今年3月", "本月", "上年同期", "",
)
DATES = (
    "2023年2月31日", "2023-99-99 99:99:99", "明年12月31日至1月1日", "去年底", "明年3月",
    "2024年2月29日", "2023年2月29日", "2023年12月31日", "0000年1月1日", "9999年12月31日",
    "10000年1月1日", "2024-06-30", "2024/6/30", "2024.06.30", "二〇二四年六月三十日",
    "2023年13月1日", "2023年0月0日", "今年1月至3月", "3月5日至2月1日", "前年", "后年",
    "下月", "上月", "昨天", "28日", "台北28日电", "2023年1月1日至2022年12月31日",
)
PUNCT = "，。；：、！？（）《》“”‘’【】—…·,.;:!?()[]\"'-/"
STRAYS = (
    " ", "  ", "\u3000", "\u00a0", "\t", "\n", "\r\n", "\r", "\x00", "\x01", "\x07",
    "\x1b", "\x7f", "\x85", "\ufeff", "\u200b", "\u200d", "\u2028", "\u2029", "\u0301",
    "\u0300", "\ufe0f", "\u202e", "\U0001f600", "\uffff", "\ufffd", "ⅷ", "①", "㈠", "²",
    "½", "٣", "६", "𝟗", "é", "ß", "\U00020000",
)
SIMPLIFIED_TO_TRADITIONAL = dict(
    zip(
        "万亿个长区县国业为产总额达计较两点数济发展实际财收与经门资厂图书馆养级岁进场间",
        "萬億個長區縣國業為產總額達計較兩點數濟發展實際財收與經門資廠圖書館養級歲進場間",
    )
)
DIGITS_CN = "〇一二三四五六七八九"
DIGITS_FIN = "零壹贰叁肆伍陆柒捌玖"
FULLWIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


def chinese_small(n: int, rng: random.Random) -> str:
    """n (0 <= n < 10**16) in Chinese numerals, with 两/二 and 零 choices."""
    if n == 0:
        return rng.choice("零〇○")
    units = ("", "十", "百", "千")
    big = ("", "万", "亿", "万亿")
    out = []
    group = 0
    zero = False
    while n:
        part = n % 10000
        n //= 10000
        s = ""
        need_zero = False
        for pos in range(4):
            d = part % 10
            part //= 10
            if d:
                digit = DIGITS_CN[d]
                if d == 2 and pos >= 2 and rng.random() < 0.5:
                    digit = "两"
                s = digit + units[pos] + ("零" if need_zero else "") + s
                need_zero = False
            elif s:
                need_zero = True
        if s:
            out.append(s + big[group] + ("零" if zero else ""))
        zero = bool(out) and part == 0
        group += 1
    text = "".join(reversed(out))
    if text.startswith("一十") and rng.random() < 0.5:
        text = text[1:]
    return text


def numeral(rng: random.Random) -> str:
    """One number in one of many written forms."""
    form = rng.randrange(16)
    n = rng.choice((rng.randrange(10), rng.randrange(100), rng.randrange(10**4),
                    rng.randrange(10**8), rng.randrange(10**13)))
    if form == 0:
        return str(n)
    if form == 1:
        return f"{n:,}"
    if form == 2:
        return f"{n / 10 ** rng.randrange(1, 5):.{rng.randrange(1, 5)}f}"
    if form == 3:
        return str(n).translate(FULLWIDTH)
    if form == 4:
        return chinese_small(n, rng)
    if form == 5:
        return "".join(DIGITS_FIN[int(d)] for d in str(n)) if rng.random() < 0.5 else \
            chinese_small(n, rng).translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))
    if form == 6:
        return "".join(rng.choice((DIGITS_CN[int(d)], "○" if d == "0" else DIGITS_CN[int(d)]))
                       for d in str(n))
    if form == 7:
        return f"{rng.randrange(1, 1000)}.{rng.randrange(100)}{rng.choice('万亿千百十')}"
    if form == 8:
        return f"{chinese_small(rng.randrange(1, 100), rng)}点{''.join(rng.choice(DIGITS_CN) for _ in range(rng.randrange(1, 4)))}"
    if form == 9:
        return f"{rng.randrange(1, 100)}分之{rng.randrange(1, 1000)}" if rng.random() < 0.5 else \
            f"{chinese_small(rng.randrange(1, 100), rng)}分之{chinese_small(rng.randrange(1, 100), rng)}"
    if form == 10:
        return rng.choice(("百分之", "千分之", "万分之")) + chinese_small(rng.randrange(0, 1000), rng)
    if form == 11:
        a = rng.randrange(1, 1000)
        return f"{a}{rng.choice(('-', '～', '~', '至', '到', '—'))}{a + rng.randrange(0, 100)}"
    if form == 12:
        # A very long run of digits, sometimes with a point inside.
        run = "".join(rng.choice("0123456789") for _ in range(rng.randrange(16, 600)))
        if rng.random() < 0.4:
            cut = rng.randrange(len(run))
            run = run[:cut] + "." + run[cut:]
        return run
    if form == 13:
        return "0." + "1" * rng.randrange(1, 400)
    if form == 14:
        return rng.choice(("九", "9", "一", "1")) + "亿" * rng.randrange(1, 60)
    # Digits split by stray code points.
    s = str(n)
    return rng.choice(STRAYS[:6] + ("\u0301", "\u200b")).join(s) if len(s) > 1 else s


def sentence(rng: random.Random) -> str:
    kind = rng.randrange(10)
    unit = rng.choice(UNITS)
    number = rng.choice(APPROX) + numeral(rng) + rng.choice(APPROX_AFTER)
    if kind < 5:
        s = (f"{rng.choice(PERIODS)}{rng.choice(REGIONS + ('',))}{rng.choice(INDICATORS)}"
             f"{rng.choice(('达到', '为', '完成', '实现', '共', '累计', ''))}{number}{unit}")
        if rng.random() < 0.6:
            s += f"，{rng.choice(CHANGES)}{numeral(rng)}{rng.choice(('%', '％', '个百分点', '倍', '成', ''))}"
        return s + rng.choice("。；，")
    if kind == 5:
        return f"{rng.choice(DATES)}，{rng.choice(ORGS)}在{rng.choice(REGIONS)}召开会议。"
    if kind == 6:
        return f"{rng.choice(PERSONS)}/{rng.choice(REGIONS)}报导：{rng.choice(ORGS)}{rng.choice(INDICATORS)}{number}{unit}。"
    if kind == 7:
        return f"其中，{rng.choice(INDICATORS)}占{numeral(rng)}{rng.choice(('%', '％', '成'))}，" \
               f"比上年{rng.choice(('提高', '下降'))}{numeral(rng)}个百分点。"
    if kind == 8:
        return f"《{rng.choice(INDICATORS)}报告》显示，第{numeral(rng)}名为{rng.choice(ORGS)}。"
    return "".join(rng.choice(PUNCT + "".join(INDICATORS) + "0123456789一二三万亿") for _ in range(rng.randrange(1, 40)))


def mutate(s: str, rng: random.Random) -> str:
    chars = list(s)
    for _ in range(rng.randrange(0, 4)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.randrange(4)
        if op == 0:
            del chars[i]
        elif op == 1:
            chars.insert(i, rng.choice(STRAYS))
        elif op == 2:
            chars.insert(i, numeral(rng))
        else:
            chars[i] = rng.choice(PUNCT)
    return "".join(chars)


def document(rng: random.Random, source: list[str]) -> str:
    parts = []
    if rng.random() < 0.05:
        parts.append("\ufeff")
    for _ in range(rng.choice((1, 2, 3, 5, 8, 13, 30))):
        roll = rng.random()
        if source and roll < 0.3:
            s = rng.choice(source)
        elif roll < 0.35:
            s = rng.choice(DATES) + rng.choice(PUNCT)
        else:
            s = sentence(rng)
        if rng.random() < 0.3:
            s = mutate(s, rng)
        if rng.random() < 0.15:
            s = "".join(SIMPLIFIED_TO_TRADITIONAL.get(c, c) for c in s)
        if rng.random() < 0.1:
            s = s.translate(FULLWIDTH)
        parts.append(s)
        if rng.random() < 0.2:
            parts.append(rng.choice(("\n", "\n\n", " ", "\u3000\u3000", "\r\n") + STRAYS))
    return "".join(parts)


def sentences(paths: list[str]) -> list[str]:
    out = []
    for p in paths:
        text = Path(p).read_text(encoding="utf-8")
        for line in text.splitlines():
            for s in line.replace("。", "。\n").replace("；", "；\n").splitlines():
                if s.strip():
                    out.append(s)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("source", nargs="*", help="text files whose sentences are reused")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    source = sentences(sorted(args.source))
    for ref in REFERENCE_DATES:
        (args.out / ref).mkdir(parents=True, exist_ok=True)
    for i in range(args.count):
        ref = REFERENCE_DATES[0] if rng.random() < 0.7 else rng.choice(REFERENCE_DATES[1:])
        text = document(rng, source)
        (args.out / ref / f"{i:05d}.txt").write_bytes(text.encode("utf-8"))


if __name__ == "__main__":
    main()
