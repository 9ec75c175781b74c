"""newsetl: news-corpus ETL — boilerplate, outlets, quotes, speakers and sentiment into Parquet tables."""

from __future__ import annotations

__all__ = ["load", "TABLE_NAMES"]


def __getattr__(name: str):
    # Imported on first use: `newsetl run` must be able to start Prefect's API server
    # before pandas and pyarrow are loaded (see newsetl.embedded_api).
    if name == "load":
        from newsetl.store import load

        return load
    if name == "TABLE_NAMES":
        from newsetl.tables import TABLE_NAMES

        return TABLE_NAMES
    raise AttributeError(f"module 'newsetl' has no attribute {name!r}")
