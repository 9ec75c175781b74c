"""Benchmark corpora: the BBC 2005 corpus as found (1x) and larger ones re-combined from it.

A scaled corpus is generated into a temporary directory at bench time and never
committed. Article ``i`` takes the title and paragraph count of BBC article
``i mod n``; each paragraph is kept or swapped for a random paragraph of another
article from the same topic, and the paragraphs are shuffled. A fixed seed makes
the corpus identical on every run, and every file is distinct bytes (so
incremental planning treats each one as a new article).
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

BBC_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc-2005"
SEED = 20050101


@dataclass(frozen=True)
class Article:
    topic: str
    title: str
    paragraphs: tuple[str, ...]


def corpus_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.txt") if p.is_file())


def read_bbc(root: Path = BBC_CORPUS, limit: int | None = None) -> list[Article]:
    articles = []
    for path in corpus_files(root)[:limit]:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")  # sport/199.txt has one Latin-1 pound sign
        blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
        if len(blocks) < 2:
            continue
        articles.append(Article(path.parent.name, blocks[0], tuple(blocks[1:])))
    return articles


def copy_subset(root: Path, dst: Path, limit: int) -> Path:
    """The first ``limit`` BBC files, byte for byte (the quick bench's "1x")."""
    for path in corpus_files(root)[:limit]:
        target = dst / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return dst


def make_scaled_corpus(articles: list[Article], dst: Path, n_files: int, seed: int = SEED) -> Path:
    """Write ``n_files`` distinct articles re-combined from ``articles`` under ``dst/<topic>/``."""
    rng = random.Random(seed)
    by_topic: dict[str, list[Article]] = {}
    for article in articles:
        by_topic.setdefault(article.topic, []).append(article)
    seen: set[str] = set()
    for i in range(n_files):
        base = articles[i % len(articles)]
        donors = by_topic[base.topic]
        for attempt in range(50):
            donor = rng.choice(donors)
            paragraphs = [p if rng.random() < 0.5 else rng.choice(donor.paragraphs) for p in base.paragraphs]
            if attempt:  # a short article re-drew a combination already written: add one more paragraph
                paragraphs += [rng.choice(rng.choice(donors).paragraphs) for _ in range(attempt)]
            rng.shuffle(paragraphs)
            data = ("\n\n".join((base.title, *paragraphs)) + "\n").encode("utf-8")
            digest = hashlib.sha256(data).hexdigest()
            if digest not in seen:
                break
        else:  # pragma: no cover - 50 collisions in a row cannot happen with real articles
            raise RuntimeError(f"could not make article {i} distinct")
        seen.add(digest)
        target = dst / base.topic / f"{i:06d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return dst


def warm_page_cache(root: Path) -> int:
    """Read every file under ``root`` once, so a timed run finds the corpus in the page cache.

    This VM's kernel (DAMON reclaim) pages out file pages left idle for about a minute,
    so a corpus generated or last read minutes earlier is read cold from disk again. The
    first 10x run of a bench met it so (its read stage took 5.8 s where every later run
    took 1.6-2.1 s) while the runs after it did not, which skewed the scaling pairs.
    Every timed run starts warm instead, as the floor runs, which read the same files
    back to back, always are. Returns the bytes read.
    """
    return sum(len(path.read_bytes()) for path in root.rglob("*") if path.is_file())
