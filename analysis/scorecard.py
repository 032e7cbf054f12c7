"""The plan's ten 수도권 vs 비수도권 panels, filled as far as the bundled data honestly allows.

「지역중소기업 혁신성장 촉진방안」 (2023) section Ⅱ compares the capital region with the
rest on ten measures. Every panel is shown as the two regions' shares of the national
total, built per year by the first method that works, in this order:

1. computed   — sums of a complete 시도 cross-section (official statistics, or published
                시도 figures that cover every 시도, like SME firms in 2021);
2. published  — CAP / NONCAP shares as published;
3. derived    — arithmetic on published figures only: the other group's share as
                100 − the published one, a published CAP level over the published national
                level of the same indicator and year, or the three capital 시도 over the
                national row of the same release.

Partial sums are never made. A panel without any figure says so and names the survey that
would fill it, so no panel is left out silently.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.availability import Availability
from analysis.groups import (CAPITAL, NONCAPITAL, capital_codes, group_values, is_additive,
                             is_rate)
from analysis.rows import indicator_rows
from i18n import both
from loaders.user_versions import labelled, user_version

COMPUTED, PUBLISHED, DERIVED = "computed", "published", "derived"
STATUS_COMPUTED, STATUS_PARTIAL, STATUS_UNAVAILABLE = "computed", "partial", "unavailable"


@dataclass(frozen=True)
class PanelSpec:
    """A plan panel and the bundled indicators that can feed it, best first. Publisher
    fields name the survey that holds the complete 시도 series, for panels the bundled data
    cannot fill (KOSIS ids only where the catalog has verified them)."""
    key: str
    name_ko: str
    name_en: str
    indicators: tuple[str, ...]
    publisher_ko: str = ""
    publisher_en: str = ""


PANELS = (
    PanelSpec("working_age", *both("panel_working_age"), ("population_15_64",)),
    PanelSpec("grdp", *both("panel_grdp"), ("grdp_nominal",)),
    PanelSpec("rnd_expenditure", *both("panel_rnd_expenditure"),
              ("rnd_expenditure_share", "rnd_expenditure")),
    PanelSpec("rnd_personnel", *both("panel_rnd_personnel"), ("rnd_personnel_share",)),
    PanelSpec("sme_firms", *both("panel_sme_firms"), ("sme_firms",)),
    PanelSpec("sme_employees", *both("panel_sme_employees"), ("sme_employees",)),
    PanelSpec("sme_exports", *both("panel_sme_exports"), ("sme_export_share", "sme_export")),
    PanelSpec("research_institutes", *both("panel_research_institutes"), (),
              *both("panel_research_institutes_source")),
    PanelSpec("venture_firms", *both("panel_venture_firms"), ("venture_firms",)),
    PanelSpec("venture_investment", *both("panel_venture_investment"),
              ("venture_investment_share", "venture_investment_new")),
)


@dataclass(frozen=True)
class Panel:
    """One filled panel. series: year, group (capital | noncapital), share (% of the
    national total), method (computed | published | derived), indicator, source."""
    spec: PanelSpec
    status: str
    series: pd.DataFrame
    publisher_ko: str
    publisher_en: str
    kosis: str
    fragments: tuple[tuple[str, int, int], ...] = ()

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.series["year"].unique())

    def share(self, group: str, year: int) -> float:
        rows = self.series[(self.series["group"] == group) & (self.series["year"] == year)]
        return float(rows["share"].iloc[0]) if not rows.empty else float("nan")

    def change_pp(self, group: str) -> float | None:
        """Change in the group's share from the first to the latest year, in %p."""
        years = self.years
        if len(years) < 2:
            return None
        return self.share(group, years[-1]) - self.share(group, years[0])


# --- the three methods, each returning year → capital share (%) -------------------------

def computed_shares(store, catalog, indicator) -> pd.DataFrame:
    """Capital and non-capital shares from complete 시도 cross-sections."""
    if not is_additive(catalog.loc[indicator]):
        return _empty()
    values = group_values(store, catalog, indicator)
    if isinstance(values, Availability):
        return _empty()
    sums = values.wide("capital")
    shares = 100 * sums[[CAPITAL, NONCAPITAL]].div(sums[CAPITAL] + sums[NONCAPITAL], axis=0)
    rows = indicator_rows(store, catalog, indicator, "sido")
    sources = rows.groupby("year")["source"].first()
    return _long(shares, COMPUTED, indicator, sources)


def published_shares(store, catalog, indicator) -> pd.DataFrame:
    """CAP / NONCAP shares as published; a group missing in a year is 100 − the other."""
    if not is_rate(catalog.loc[indicator]):
        return _empty()
    rows = indicator_rows(store, catalog, indicator, "group")
    rows = rows[rows["region_code"].isin(["CAP", "NONCAP"])]
    if rows.empty:
        return _empty()
    wide = rows.pivot_table(index="year", columns="region_code", values="value")
    wide = wide.reindex(columns=["CAP", "NONCAP"])
    sources = rows.groupby("year")["source"].first()
    published = _long(wide.rename(columns={"CAP": CAPITAL, "NONCAP": NONCAPITAL}), PUBLISHED,
                      indicator, sources)
    complement = 100 - wide[["NONCAP", "CAP"]].to_numpy()
    derived = pd.DataFrame(complement, index=wide.index, columns=[CAPITAL, NONCAPITAL])
    derived = _long(derived, DERIVED, indicator, sources)
    return pd.concat([published, derived]).drop_duplicates(["year", "group"])


def derived_from_levels(store, catalog, indicator) -> pd.DataFrame:
    """Capital share from published levels: the CAP row, or the three capital 시도 of one
    release, over the national row of the same indicator and year."""
    if not is_additive(catalog.loc[indicator]):
        return _empty()
    national = indicator_rows(store, catalog, indicator, "nation").set_index("year")
    if national.empty:
        return _empty()
    cap_rows = indicator_rows(store, catalog, indicator, "group")
    capital = cap_rows[cap_rows["region_code"] == "CAP"].set_index("year")["value"]
    sido = indicator_rows(store, catalog, indicator, "sido")
    members = sido[sido["region_code"].isin(capital_codes())]
    for year, group in members.groupby("year"):
        same_release = year in national.index and \
            (group["source"] == national.loc[year, "source"]).all()
        if len(group) == len(capital_codes()) and same_release and year not in capital.index:
            capital.loc[year] = group["value"].sum()
    years = sorted(set(capital.index) & set(national.index))
    if not years:
        return _empty()
    share = 100 * capital.loc[years] / national.loc[years, "value"]
    wide = pd.DataFrame({CAPITAL: share, NONCAPITAL: 100 - share})
    return _long(wide, DERIVED, indicator, national.loc[years, "source"])


def _long(wide: pd.DataFrame, method: str, indicator: str, sources: pd.Series) -> pd.DataFrame:
    frame = (wide.rename_axis(index="year", columns="group").stack().rename("share")
             .reset_index().dropna(subset=["share"]))
    frame["year"] = frame["year"].astype(int)
    return frame.assign(method=method, indicator=indicator,
                        source=frame["year"].map(sources).fillna(""))


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=["year", "group", "share", "method", "indicator", "source"])


# --- panels -------------------------------------------------------------------------

def build_panel(store: pd.DataFrame, catalog: pd.DataFrame, spec: PanelSpec) -> Panel:
    """A panel's yearly shares: per year, the first method that gives both groups wins."""
    candidates = []
    for indicator in spec.indicators:
        for method in (computed_shares, published_shares, derived_from_levels):
            candidates.append(method(store, catalog, indicator))
    series = pd.concat(candidates, ignore_index=True) if candidates else _empty()
    series = series.drop_duplicates(["year", "group"], keep="first")
    complete = series.groupby("year")["group"].transform("nunique") == 2
    series = series[complete].sort_values(["year", "group"]).reset_index(drop=True)
    status = (STATUS_UNAVAILABLE if series.empty
              else STATUS_COMPUTED if (series["method"] == COMPUTED).all()
              and all(catalog.loc[i, "kind"] == "statistic" for i in series["indicator"])
              else STATUS_PARTIAL)
    publisher_ko, publisher_en, kosis = _fill_source(catalog, spec)
    fed = [catalog.loc[i] for i in dict.fromkeys(series["indicator"])
           if user_version(catalog.loc[i])]
    if fed:  # a user version feeds the panel: say so before the publisher
        publisher_ko, publisher_en = (labelled(publisher_ko, fed[0], "ko"),
                                      labelled(publisher_en, fed[0], "en"))
    return Panel(spec, status, series, publisher_ko, publisher_en, kosis,
                 fragments=bundled_fragments(store, catalog, spec, set(series["year"])))


def bundled_fragments(store, catalog, spec,
                      used_years: set[int]) -> tuple[tuple[str, int, int], ...]:
    """(indicator, year, number of 시도) for the bundled 시도 figures the panel could not
    use: what the data does hold, so 'unavailable' never hides a partial table."""
    fragments = []
    for indicator in spec.indicators:
        rows = indicator_rows(store, catalog, indicator, "sido")
        for year, count in rows.groupby("year")["region_code"].nunique().items():
            if int(year) not in used_years:
                fragments.append((indicator, int(year), int(count)))
    return tuple(fragments)


def _fill_source(catalog, spec) -> tuple[str, str, str]:
    """Publisher (ko, en) and 'KOSIS org/table' of the survey with the complete series."""
    if spec.publisher_ko or not spec.indicators:
        return spec.publisher_ko, spec.publisher_en, ""
    entry = catalog.loc[spec.indicators[0]]
    kosis = "/".join(p for p in (entry["kosis_org_id"], entry["kosis_tbl_id"]) if p)
    return entry["publisher_ko"], entry["publisher_en"], kosis


def scorecard(store: pd.DataFrame, catalog: pd.DataFrame) -> list[Panel]:
    """All ten panels in the plan's order, filled or marked unavailable."""
    return [build_panel(store, catalog, spec) for spec in PANELS]
