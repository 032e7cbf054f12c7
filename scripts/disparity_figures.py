"""Print the disparity page's headline figures (for notes, briefings and checks).

Run: .venv/bin/python scripts/disparity_figures.py [indicator]
For the indicator (default grdp_nominal): the latest complete year's inequality indices,
Theil's capital-vs-rest and 권역 splits (unweighted, PySAL; and population-weighted),
σ over the complete years, β over the longest period with every 시도; then the 시군구
clusters of the 65+ share and the depopulation areas against the other 시군구.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.convergence import beta_convergence, sigma_series  # noqa: E402
from analysis.depopulation import comparison, first_complete_year, outside_capital  # noqa: E402
from analysis.inequality import inequality_series  # noqa: E402
from analysis.regional_values import complete_years, regional_variable  # noqa: E402
from analysis.spatial import spatial_clusters  # noqa: E402
from loaders import load_catalog, load_depopulation_areas, load_indicators, load_regions  # noqa: E402


def main(indicator: str = "grdp_nominal") -> None:
    store, catalog = load_indicators(), load_catalog()
    variable = regional_variable(catalog, indicator)
    years = complete_years(store, catalog, variable)
    print(f"{indicator} ({variable.basis}, {variable.unit_en}); complete years "
          f"{years[0]}–{years[-1]}, {len(years)} of them")
    for grouping in ("capital", "gwonyeok"):
        row = inequality_series(store, catalog, variable, grouping).set_index("year").loc[years[-1]]
        print(f"  {years[-1]} {grouping}: CV {row['cv']:.3f}, Williamson {row['williamson']:.3f}, "
              f"Gini {row['gini']:.3f}, Theil {row['theil']:.4f} (weighted "
              f"{row['theil_weighted']:.4f}), max/min {row['max_min']:.2f}; between-group share "
              f"{row['between_share']:.2f}% unweighted, {row['between_share_weighted']:.2f}% "
              f"population-weighted")
    sigma = sigma_series(store, catalog, variable)
    print(f"  sigma {sigma['year'].iloc[0]} {sigma['sigma'].iloc[0]:.3f} → "
          f"{sigma['year'].iloc[-1]} {sigma['sigma'].iloc[-1]:.3f}")
    full = [y for y in years if y >= max(years[0], 2013)]
    for first in sorted({years[0], full[0]}):
        beta = beta_convergence(store, catalog, variable, first, years[-1])
        print(f"  beta {first}→{years[-1]}: {beta.slope:.2f} (95% CI {beta.ci_low:.2f} to "
              f"{beta.ci_high:.2f}), R² {beta.r_squared:.2f}, n {beta.n}, speed "
              f"{beta.speed:.2f}%/yr, half-life {beta.half_life:.1f} yr")
    clusters = spatial_clusters(store, catalog, "population_65_plus", "share", 2024)
    print(f"65+ share 2024 over {clusters.n} 시군구: Moran's I {clusters.moran_i:.3f} "
          f"(z {clusters.z_score:.1f}), HH {clusters.count('HH')}, LL {clusters.count('LL')}, "
          f"HL {clusters.count('HL')}, LH {clusters.count('LH')}")
    areas = load_depopulation_areas()
    outside, total = outside_capital(areas)
    units = load_regions("sigungu")["region_code"]
    base = first_complete_year(store, catalog, units)
    print(f"depopulation areas: {outside} of {total} outside the capital region "
          f"({100 * outside / total:.1f}%)")
    table = comparison(store, catalog, areas, units, 2024, base)
    for row in table.itertuples():
        print(f"  {row.group}: {row.units} 시군구, population {row.population:,.0f}, "
              f"working-age {row.working_age_share:.1f}%, 65+ {row.older_share:.1f}%, "
              f"change {base}→2024 {row.change:+.1f}%")


if __name__ == "__main__":
    main(*sys.argv[1:])
