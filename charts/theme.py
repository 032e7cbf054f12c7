"""One look for every chart and map: the capital region always in one colour, the rest in another.

Colours are from the colour-blind-safe Okabe–Ito set; sequential map scales use viridis
and diverging ones ColorBrewer PuOr, both readable with common colour-vision deficiencies.
"""

CAPITAL_COLOR = "#D55E00"      # vermillion: 수도권 / capital region, on every page
NONCAPITAL_COLOR = "#0072B2"   # blue: 비수도권 / rest of the country
NATION_COLOR = "#555555"       # grey: national total or average
NO_DATA_COLOR = "#d9d9d9"      # light grey (maps add a hatch): 자료 없음, never a value
GWONYEOK_COLORS = {            # 7 권역, Okabe–Ito order, 수도권 keeps the capital colour
    "수도권": CAPITAL_COLOR, "충청권": "#009E73", "호남권": "#CC79A7", "대경권": "#E69F00",
    "동남권": "#0072B2", "강원권": "#56B4E9", "제주권": "#F0E442",
}
FONT_FAMILY = "Noto Sans CJK KR, Noto Sans KR, Malgun Gothic, Apple SD Gothic Neo, sans-serif"
