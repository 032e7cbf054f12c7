"""One look for every chart and map: the capital region always in warm hues, the rest in cool ones.

Colours are from the colour-blind-safe Okabe–Ito set, extended with Paul Tol's indigo
and olive; sequential map scales use viridis and diverging ones ColorBrewer PuOr,
both readable with common colour-vision deficiencies. Nine colours can be told
apart in one chart, so regions chosen one by one take the next free colour of their
family (capital or not), and a family that runs out repeats its colours dashed, then
dotted (enough for all 17 시도).
"""

CAPITAL_COLOR = "#D55E00"      # vermillion: 수도권 / capital region, on every page
NONCAPITAL_COLOR = "#0072B2"   # blue: 비수도권 / rest of the country
NATION_COLOR = "#555555"       # grey: national total or average
NO_DATA_COLOR = "#d9d9d9"      # light grey (maps add a hatch): 자료 없음, never a value
# Regions chosen one by one: the three capital-region 시도 in the warm family, the others
# in the cool one (the order keeps the first few picks as far apart as possible).
CAPITAL_PALETTE = (CAPITAL_COLOR, "#E69F00", "#CC79A7")
NONCAPITAL_PALETTE = (NONCAPITAL_COLOR, "#009E73", "#56B4E9", "#332288", "#999933", "#000000")
DASHES = ((), (6, 3), (2, 2))  # solid, then dashed and dotted rounds of a family's colours
GWONYEOK_COLORS = {            # 7 권역: 수도권 keeps the capital colour, the rest are cool
    "수도권": CAPITAL_COLOR, "충청권": "#009E73", "호남권": "#999933", "대경권": "#332288",
    "동남권": "#0072B2", "강원권": "#56B4E9", "제주권": "#000000",
}
FONT_FAMILY = "Noto Sans CJK KR, Noto Sans KR, Malgun Gothic, Apple SD Gothic Neo, sans-serif"


def region_styles(codes: list[str], capital: set[str]) -> dict[str, tuple[str, tuple[int, ...]]]:
    """(colour, dash) per chosen region, in the order given: capital-region codes from the
    warm palette, the others from the cool one; dash () is solid."""
    styles, used = {}, {True: 0, False: 0}
    for code in codes:
        family = code in capital
        palette = CAPITAL_PALETTE if family else NONCAPITAL_PALETTE
        turn, index = divmod(used[family], len(palette))
        styles[code] = (palette[index], DASHES[min(turn, len(DASHES) - 1)])
        used[family] += 1
    return styles
