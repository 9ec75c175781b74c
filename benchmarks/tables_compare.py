"""Do two newsetl output directories hold the same tables? Rows compared as sorted sets.

Columns that name the run (``run_id``) differ by design between two runs and are
left out; so is the ``runs`` table itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

RUN_COLUMNS = {"run_id"}


def _canonical(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.drop(columns=[c for c in frame.columns if c in RUN_COLUMNS])
    frame = frame.map(lambda v: tuple(v.tolist()) if hasattr(v, "tolist") and not isinstance(v, str) else v)
    frame = frame[sorted(frame.columns)]
    keys = [tuple(map(repr, row)) for row in frame.itertuples(index=False)]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return frame.iloc[order].reset_index(drop=True)


def compare_outputs(left: Path, right: Path) -> str:
    """'identical: …' or a one-line description of the first differences."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from newsetl.store import load
    from newsetl.tables import TABLE_NAMES

    differences, n_rows, n_tables = [], 0, 0
    for table in TABLE_NAMES:
        if table == "runs":
            continue
        a, b = _canonical(load(table, left)), _canonical(load(table, right))
        n_tables += 1
        if len(a) != len(b):
            differences.append(f"{table}: {len(a)} vs {len(b)} rows")
        elif not a.equals(b):
            diff = (a.map(repr) != b.map(repr)).any()
            differences.append(f"{table}: values differ in {', '.join(diff[diff].index)}")
        n_rows += len(a)
    if differences:
        return "DIFFERENT: " + "; ".join(differences)
    return f"identical: {n_tables} tables, {n_rows:,} rows"


if __name__ == "__main__":
    print(compare_outputs(Path(sys.argv[1]), Path(sys.argv[2])))
