"""Print the home page's capital-vs-rest figures for every indicator (for notes and checks).

Run: .venv/bin/python scripts/capital_shares.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.gap import GapSummary, noncapital_shares  # noqa: E402
from analysis.overview import capital_overview  # noqa: E402
from loaders import load_catalog, load_indicators  # noqa: E402


def main() -> None:
    store, catalog = load_indicators(), load_catalog()
    for indicator, summary in capital_overview(store, catalog).items():
        if not isinstance(summary, GapSummary):
            print(f"{indicator}: not compared — {summary.reason_en}")
        elif summary.capital_share is not None:
            print(f"{indicator}: {summary.earliest_year}→{summary.latest_year} capital "
                  f"{summary.capital_share:.1f}%, rest {100 - summary.capital_share:.1f}%, "
                  f"change {summary.share_change_pp:+.1f} pp")
        else:
            print(f"{indicator}: {summary.earliest_year}→{summary.latest_year} capital "
                  f"{summary.capital:.1f}% vs rest {summary.noncapital:.1f}%, gap change "
                  f"{summary.rate_gap_change_pp:+.2f} pp")
    shares = noncapital_shares(store, catalog, "grdp_nominal", [2010, 2020])
    print("non-capital share of nominal GRDP (2020 base):",
          ", ".join(f"{year} {share:.1f}%" for year, share in shares.items()))


if __name__ == "__main__":
    main()
