"""newsetl: news-corpus ETL — boilerplate, outlets, quotes, speakers and sentiment into Parquet tables."""

from newsetl.store import load
from newsetl.tables import TABLE_NAMES

__all__ = ["load", "TABLE_NAMES"]
