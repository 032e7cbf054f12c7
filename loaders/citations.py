"""Citations: who published a figure, and in which table — not where the file was fetched.

The reference tables name, for each row, the copy it was taken from (a repository, a
news page). A figure is cited by its original publisher instead: a statistic by the
catalog's publisher and KOSIS table, a published quote by data/citations.csv, which maps
each retrieval string to its citation in both languages. The retrieval string itself is
provenance (loaders.provenance), never a citation.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from loaders.catalog import load_catalog
from loaders.errors import InputError

CITATIONS_PATH = Path(__file__).resolve().parent.parent / "data" / "citations.csv"
CITATION_COLUMNS = ("retrieved_from", "citation_ko", "citation_en")
SEPARATOR = "; "  # one figure quoted by two releases cites both


def catalog_citation(entry: pd.Series, lang: str) -> str:
    """'통계청, 지역소득 (KOSIS 101/DT_1C81)': the publisher and, where verified, the table."""
    publisher = entry[f"publisher_{lang}"]
    if not entry["kosis_tbl_id"]:
        return publisher
    return f"{publisher} (KOSIS {entry['kosis_org_id']}/{entry['kosis_tbl_id']})"


def read_citations(path: Path = CITATIONS_PATH) -> pd.DataFrame:
    """The retrieval string → citation table; every row needs both languages, once."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in CITATION_COLUMNS if c not in table.columns]
    if missing:
        raise InputError(f"missing columns {missing}", file=path.name)
    for column in CITATION_COLUMNS:
        empty = table[column].str.strip() == ""
        if empty.any():
            raise InputError("empty cell", file=path.name, row=int(empty.idxmax()) + 2,
                             column=column)
    twice = table["retrieved_from"].duplicated()
    if twice.any():
        raise InputError("retrieval string listed twice", file=path.name,
                         row=int(twice.idxmax()) + 2, column="retrieved_from")
    return table.set_index("retrieved_from")


@lru_cache(maxsize=1)
def load_citations() -> pd.DataFrame:
    return read_citations()


@lru_cache(maxsize=1)
def _english() -> dict[str, str]:
    """Korean citation → English, for every citation the bundled store can hold."""
    catalog = load_catalog()
    names = {catalog_citation(entry, "ko"): catalog_citation(entry, "en")
             for _, entry in catalog.iterrows()}
    citations = load_citations()
    names.update(zip(citations["citation_ko"], citations["citation_en"]))
    return names


def cited(source: str, lang: str) -> str:
    """A stored citation (Korean, parts joined by '; ') in the reader's language; a
    citation the bundle does not know (a user's import) is shown as it was stored."""
    if lang != "en" or not isinstance(source, str):
        return source if isinstance(source, str) else ""
    english = _english()
    return SEPARATOR.join(english.get(part, part) for part in source.split(SEPARATOR))
