"""``python -m newsetl.evaluate quotes``: score the quotes stage against gold annotations.

Datasets:
- ``bbc``: our own JSONL annotations of BBC 2005 articles (``--corpus`` the BBC root). By default
  five sets, each scored on its own: the development set the rules were tuned on
  (``tests/annotations/bbc_quotes.jsonl``, files up to 200), three validation sets whose errors
  were also read (``bbc_quotes_validation.jsonl``, ``…2.jsonl``, ``…3.jsonl``, files above 200),
  and a test set nobody reads the errors of, only its scores (``bbc_quotes_test.jsonl``, other
  files above 200).
  ``--annotations`` scores one file instead.
- ``polnear``: PolNeAR brat annotations (``--polnear`` dir holding ``text/`` and
  ``attributions/``): every attribution's Content span, against our quotes and speech acts
  together. PolNeAR annotates every attribution, what a source did with words too ("Trump
  attacked the plan", "urged voters to ..."); those are our ``speech_acts``, not quotes, which
  is why the BBC sets (annotated to our own guidelines) score quotes alone.
- ``speakers``: not a score: runs the stage over a whole corpus directory and prints the
  top speakers table and the time per article against TextBlob sentiment.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsetl.evaluation import BBC_QUOTE_SETS, BBC_QUOTE_TEST_SET, present_polnear_splits
from newsetl.outlets import find_outlets, load_gazetteer
from newsetl.quotes import QUOTE_KINDS, Attributions, Quote, find_attributions, find_quotes
from newsetl.segment import join_paragraphs, segment

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
DEFAULT_BBC = SHARED / "corpus" / "bbc-2005"
DEFAULT_POLNEAR = SHARED / "eval-data" / "quotes" / "polnear" / "dev"
KINDS = QUOTE_KINDS
MATCH_RULE = (
    "a predicted and a gold span match when their overlap covers at least half of the longer of the two "
    "(|pred ∩ gold| ≥ 0.5 · max(|pred|, |gold|), in characters); "
    "P = matched predictions / predictions, R = matched gold spans / gold spans"
)
POLNEAR_RULE = (
    "content spans match when their overlap covers at least half of the shorter of the two "
    "(|pred ∩ gold| ≥ 0.5 · min(|pred|, |gold|), characters of the .txt): a quoted fragment inside its "
    "reported clause matches the clause; P = matched predictions / predictions, R = matched gold contents / gold "
    "contents, F1 = 2PR/(P+R); a prediction may match several gold contents and the reverse. Articles with "
    "several annotators count once: each annotator's file is scored and weighted 1/k. Strict = the same overlap "
    "against the longer span (as for BBC) with one-to-one matching, predictions nested in another dropped "
    "(PolNeAR is univocal). Token = word tokens of all gold contents vs all predicted spans. Predictions: "
    "quotes and speech acts (PolNeAR's attributions include acts: 'attacked the plan', 'urged voters to ...')"
)


# --------------------------------------------------------------------------- shared helpers


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str | None
    speaker: str | None


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def bbc_body(path: Path) -> str:
    """The pipeline's cleaned body for a BBC file: title line dropped, paragraphs joined by a blank line."""
    lines = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").split("\n")
    return join_paragraphs([ln.strip() for ln in lines[1:] if ln.strip()])


def _found(body: str) -> Attributions:
    seg = segment(body)
    return find_attributions(seg, find_outlets(seg, _GAZETTEER))


def run_stage(body: str) -> tuple[Quote, ...]:
    """The quotes the pipeline finds in a body."""
    return _found(body).quotes


def run_attributions(body: str) -> tuple[Quote, ...]:
    """The quotes and speech acts the pipeline finds in a body, in body order."""
    found = _found(body)
    return tuple(sorted(found.quotes + found.acts, key=lambda q: (q.char_start, q.char_end)))


_GAZETTEER = load_gazetteer()


def same_speaker(pred: str | None, gold: str | None) -> bool:
    if not gold:
        return not pred
    if not pred:
        return False
    p, g = pred.lower().split(), gold.lower().split()
    return p == g or p[-1] == g[-1]


def locate(body: str, text: str, used: set[int]) -> tuple[int, int] | None:
    """Where gold ``text`` is in ``body``: exact, else whitespace/quote-normalised."""
    start = body.find(text)
    while start != -1 and start in used:
        start = body.find(text, start + 1)
    if start != -1:
        return start, start + len(text)
    norm = re.sub(r"[\u201c\u201d]", '"', re.sub(r"[\u2018\u2019]", "'", body))
    t = re.sub(r"[\u201c\u201d]", '"', re.sub(r"[\u2018\u2019]", "'", text)).strip().strip('"').strip()
    start = norm.find(t)
    return (start, start + len(t)) if start != -1 and t else None


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --------------------------------------------------------------------------- BBC


def evaluate_bbc(annotations: Path, corpus: Path, show_errors: bool = False) -> dict[str, tuple[float, float, float]]:
    counts = {k: Counter() for k in (*KINDS, "all")}
    speaker_ok = speaker_n = 0
    unlocated = 0
    errors: list[str] = []  # printed under the set's scores
    for line in annotations.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        body = bbc_body(corpus / record["path"])
        preds = [Span(q.char_start, q.char_end, q.kind, q.speaker_name) for q in run_stage(body)]
        golds: list[Span] = []
        used: set[int] = set()
        for g in record["quotes"]:
            where = locate(body, g["text"], used)
            if where is None:
                unlocated += 1
                continue
            used.add(where[0])
            golds.append(Span(where[0], where[1], g["kind"], g.get("speaker")))
        matches = lambda a, b: overlap(a, b) >= 0.5 * max(a.end - a.start, b.end - b.start)  # noqa: E731
        for kind in (*KINDS, "all"):
            ps = [p for p in preds if kind == "all" or p.kind == kind]
            gs = [g for g in golds if kind == "all" or g.kind == kind]
            counts[kind]["tp_p"] += sum(any(matches(p, g) for g in gs) for p in ps)
            counts[kind]["tp_r"] += sum(any(matches(p, g) for p in ps) for g in gs)
            counts[kind]["n_p"] += len(ps)
            counts[kind]["n_g"] += len(gs)
        for g in golds:
            best = max((p for p in preds if matches(p, g)), key=lambda p: overlap(p, g), default=None)
            if best is not None:
                speaker_n += 1
                ok = same_speaker(best.speaker, g.speaker)
                speaker_ok += ok
                if show_errors and not ok:
                    errors.append(f"  speaker  {record['path']}: {body[g.start:g.end][:60]!r} gold={g.speaker} pred={best.speaker}")
        if show_errors:
            for p in preds:
                if not any(matches(p, g) for g in golds):
                    errors.append(f"  extra    {record['path']} {p.kind}: {body[p.start:p.end][:80]!r} ({p.speaker})")
            for g in golds:
                if not any(matches(p, g) for p in preds):
                    errors.append(f"  missed   {record['path']} {g.kind}: {body[g.start:g.end][:80]!r} ({g.speaker})")
    print(f"BBC quotes ({annotations})")
    print(f"match rule: {MATCH_RULE}")
    print(f"{'kind':<10}{'pred':>6}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}")
    result = {}
    for kind in (*KINDS, "all"):
        c = counts[kind]
        result[kind] = _prf(c["tp_p"], c["n_p"], c["tp_r"], c["n_g"])
        p, r, f = result[kind]
        print(f"{kind:<10}{c['n_p']:>6}{c['n_g']:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    acc = speaker_ok / speaker_n if speaker_n else 0.0
    print(f"speaker accuracy on matched gold quotes: {acc:.3f} ({speaker_ok}/{speaker_n}; surname match counts)")
    if unlocated:
        # headline quotes: the stage reads the body (the title line is not part of it), so they are not scored
        print(f"gold quotes not found in the body text (headline quotes, not scored): {unlocated}")
    if errors:
        print("errors:", *errors, sep="\n")
    result["speaker"] = (acc, acc, acc)
    return result


# --------------------------------------------------------------------------- PolNeAR


@dataclass(frozen=True)
class PolnearDoc:
    body: str
    offsets: tuple[tuple[int, int, int], ...]  # (body_start, txt_start, length) per paragraph


def polnear_body(text: str) -> PolnearDoc:
    """Body = the article's non-blank lines (headline included), joined by a blank line; offsets map back."""
    parts: list[str] = []
    offsets: list[tuple[int, int, int]] = []
    pos = 0
    body_len = 0
    for i, line in enumerate(text.split("\n")):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue  # the headline (line 0) is kept: PolNeAR annotates attributions in it too
        lead = len(line) - len(line.lstrip())
        if parts:
            body_len += 2
        offsets.append((body_len, start + lead, len(stripped)))
        parts.append(stripped)
        body_len += len(stripped)
    return PolnearDoc(join_paragraphs(parts), tuple(offsets))


def to_txt(doc: PolnearDoc, start: int, end: int) -> tuple[int, int]:
    for b, t, n in doc.offsets:
        if b <= start <= b + n:
            s = t + (start - b)
            e = t + (min(end, b + n) - b)
            return s, e
    return start, end


def read_ann(path: Path) -> tuple[list[tuple[list[tuple[int, int]], str | None]], dict[str, tuple[str, list[tuple[int, int]], str]]]:
    """(content spans with their source text) for each attribution in a brat file."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            typ, _, ranges = parts[1].partition(" ")
            rs = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
            spans[parts[0]] = (typ, rs, parts[2])
        elif line.startswith("E"):
            events.append(dict(a.split(":") for a in line.split("\t")[1].split()))
    out = []
    for ev in events:
        contents = [v for k, v in ev.items() if k.startswith("Content") and v in spans]
        source = spans[ev["Source"]][2] if ev.get("Source") in spans else None
        ranges = [r for c in contents for r in spans[c][1]]
        if ranges:
            out.append((ranges, source))
    return out, spans


# Parts of a source span that are not the person's name: a party-and-state tag ("(D-Wis.)",
# ", R-Wis.,"), a generational suffix ("John G. Roberts Jr.") and a place after "of" at the end
# ("Gov. Earl Ray Tomblin of West Virginia"; not "Secretary of State John F. Kerry").
_PARTY_TAG = re.compile(r"\([^)]*(?:\)|$)|\b[RDI]-[A-Z][\w.]*")
_SUFFIX = re.compile(r"\s+(?:Jr|Sr)\b\.?|\s+(?:II|III|IV)\b")
_OF_PLACE = re.compile(r"\s+of\s+(?:[A-Z][\w.]*\s*){1,3}$")
_NOT_NAMES = {"He", "She", "They", "It", "We", "I", "The", "His", "Her", "A", "An", "Another", "Other", "Some",
              "Many", "Most", "Those", "These", "Nearly", "Only", "One", "Two", "Several", "Both", "All", "Each"}


def _name_words(text: str) -> list[str]:
    tokens = [re.sub(r"['’]s$", "", t) for t in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text)]
    return [w for w in tokens if w[0].isupper() and any(c.islower() for c in w) and w not in _NOT_NAMES]


def named_source(source: str | None) -> str | None:
    """The name in a gold source span ("Republican nominee Donald Trump" -> "Trump"), or None.

    Of the span's comma-separated parts, the name is in the first, unless that part is a
    description ending in a common noun ("Another critic, Laurence H. Tribe,"): then the next.
    A description alone ("The Republican presidential nominee") names nobody.
    It is the part's last capitalised word once a tag, a suffix and a trailing "of" place are
    dropped, and keeps its accented letters ("Azucena Gonzàlez").
    """
    if not source or len(source.split()) > 8:
        return None
    parts = [p.strip() for p in _PARTY_TAG.sub(" ", source).split(",") if p.strip()]
    if not parts:
        return None
    if len(parts) > 1 and parts[0].split()[-1][:1].islower() and _name_words(parts[1]):
        parts = parts[1:]
    for part in (parts[0], " ".join(parts)):  # a first part with no name: "Proponents, including ..."
        part = _OF_PLACE.sub("", _SUFFIX.sub("", part)).strip()
        if not part or (part.split()[-1][:1].islower() and not re.search(r"\w['’]s\b", part)):
            # a description ending in its noun names nobody ("The Republican presidential nominee"),
            # but a possessor does ("Clinton's campaign")
            continue
        words = _name_words(part)
        if words:
            return words[-1]
    return None


def _overlaps(p: tuple[int, int], g: tuple[int, int], longer: bool) -> bool:
    ov = max(0, min(p[1], g[1]) - max(p[0], g[0]))
    base = max if longer else min
    return ov > 0 and ov >= 0.5 * base(p[1] - p[0], g[1] - g[0])


def _one_to_one(preds: list[tuple[int, int]], golds: list[tuple[int, int]]) -> int:
    """Greedy one-to-one matching by overlap size under the strict (longer-span) rule."""
    pairs = sorted(((max(0, min(p[1], g[1]) - max(p[0], g[0])), i, j) for i, p in enumerate(preds)
                    for j, g in enumerate(golds) if _overlaps(p, g, longer=True)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def evaluate_polnear(root: Path, show_errors: bool = False) -> float:
    texts = sorted((root / "text").glob("*.txt"))
    if not texts:
        print(f"PolNeAR: skipped, no articles in {root / 'text'}", file=sys.stderr)
        return 0.0
    c = Counter()  # weighted counts: an article with k annotators adds 1/k of each annotator's counts
    spk_ok = spk_n = 0.0
    for txt in texts:
        anns = sorted((root / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        doc = polnear_body(text)
        preds = [(to_txt(doc, q.char_start, q.char_end), q) for q in run_attributions(doc.body)]
        spans = [p for p, _ in preds]
        outer = [p for i, p in enumerate(spans)
                 if not any(j != i and o[0] <= p[0] and p[1] <= o[1] and o != p for j, o in enumerate(spans))]
        pred_set = {i for s, e in spans for i in _token_starts(text, s, e)}
        w = 1.0 / len(anns)
        for k, ann in enumerate(anns):
            gold, _ = read_ann(ann)
            g_spans = [(min(s for s, _ in rs), max(e for _, e in rs), rs, src) for rs, src in gold]
            golds = [(gs, ge) for gs, ge, _, _ in g_spans]
            c["n_p"] += w * len(spans)
            c["n_g"] += w * len(golds)
            c["tp_p"] += w * sum(any(_overlaps(p, g, False) for g in golds) for p in spans)
            c["strict_n_p"] += w * len(outer)
            c["strict_tp"] += w * _one_to_one(outer, golds)
            for gs, ge, _, src in g_spans:
                hits = [q for p, q in preds if _overlaps(p, (gs, ge), False)]
                c["tp_r"] += w * bool(hits)
                name = named_source(src)
                if hits and name:
                    spk_n += w
                    best = next((q for q in hits if q.speaker_name or q.speaker_surface), hits[0])
                    said = (best.speaker_name or best.speaker_surface or "")
                    spk_ok += w * (name.lower() in said.lower().split() or name.lower() in said.lower())
            gold_set = {i for gs, ge, rs, _ in g_spans for s, e in rs for i in _token_starts(text, s, e)}
            c["gold_tokens"] += w * len(gold_set)
            c["pred_tokens"] += w * len(pred_set)
            c["both_tokens"] += w * len(gold_set & pred_set)
            if show_errors and k == 0:
                for (s, e), q in preds:
                    if not any(_overlaps((s, e), g, False) for g in golds):
                        print(f"  extra  {txt.name} {q.kind}: {text[s:e][:80]!r}")
                for gs, ge, _, src in g_spans:
                    if not any(_overlaps(p, (gs, ge), False) for p in spans):
                        print(f"  missed {txt.name}: {text[gs:ge][:80]!r} ({src})")
    p, r, f = _prf(c["tp_p"], c["n_p"], c["tp_r"], c["n_g"])
    sp, sr, sf = _prf(c["strict_tp"], c["strict_n_p"], c["strict_tp"], c["n_g"])
    tp, tr, tf = _prf(c["both_tokens"], c["pred_tokens"], c["both_tokens"], c["gold_tokens"])
    print(f"PolNeAR content spans ({root}, {len(texts)} articles)")
    print(f"match rule: {POLNEAR_RULE}")
    print(f"{'':<14}{'pred':>6}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}")
    print(f"{'span overlap':<14}{c['n_p']:>6.0f}{c['n_g']:>6.0f}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    print(f"{'strict 1:1':<14}{c['strict_n_p']:>6.0f}{c['n_g']:>6.0f}{sp:>8.3f}{sr:>8.3f}{sf:>8.3f}")
    print(f"{'token':<14}{c['pred_tokens']:>6.0f}{c['gold_tokens']:>6.0f}{tp:>8.3f}{tr:>8.3f}{tf:>8.3f}")
    acc = spk_ok / spk_n if spk_n else 0.0
    print(f"speaker on named gold sources (found contents): {acc:.3f} ({spk_ok:.0f}/{spk_n:.0f})")
    return f


def _token_starts(text: str, start: int, end: int) -> list[int]:
    return [start + m.start() for m in re.finditer(r"\w+", text[start:end])]


# --------------------------------------------------------------------------- whole-corpus speakers


def top_speakers(corpus: Path, n: int = 20, limit: int | None = None) -> int:
    import pandas as pd
    from textblob import TextBlob

    from newsetl.speakers import assign_speaker_ids, build_speakers

    files = sorted(corpus.glob("*/*.txt"))[:limit]
    rows = []
    t_quotes = t_sent = 0.0
    for path in files:
        body = bbc_body(path)
        seg = segment(body)
        mentions = find_outlets(seg, _GAZETTEER)
        t0 = time.perf_counter()
        quotes = find_quotes(seg, mentions)
        ids = assign_speaker_ids(quotes, path.as_posix())
        t1 = time.perf_counter()
        TextBlob(body).sentiment  # noqa: B018 - the cost we compare against
        t2 = time.perf_counter()
        t_quotes += t1 - t0
        t_sent += t2 - t1
        for q, sid in zip(quotes, ids):
            rows.append({"article_id": path.as_posix(), "speaker_id": sid, "speaker_name": q.speaker_name,
                         "speaker_role": q.speaker_role, "kind": q.kind, "polarity": float("nan")})
    df = pd.DataFrame(rows)
    speakers = build_speakers(df)
    print(f"{len(files)} articles, {len(df)} quotes, {df['speaker_id'].notna().sum()} with a person")
    print(f"quotes+speakers {1000 * t_quotes / len(files):.2f} ms/article; TextBlob(body).sentiment {1000 * t_sent / len(files):.2f} ms/article")
    print(f"{'name':<28}{'quotes':>7}{'articles':>9}  roles")
    for row in speakers.head(n).itertuples():
        print(f"{row.name:<28}{row.n_quotes:>7}{row.n_articles:>9}  {'; '.join(row.roles[:3])}")
    return 0


# --------------------------------------------------------------------------- command


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsetl.evaluate quotes", description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", choices=("bbc", "polnear", "all", "speakers"), default="all")
    ap.add_argument("--annotations", type=Path, default=None,
                    help="one BBC-style JSONL gold file (default: the development, validation and test sets)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_BBC, help="root the JSONL paths are relative to")
    ap.add_argument("--polnear", type=Path, default=None,
                    help="PolNeAR split dir (text/, attributions/); default: every split beside dev, dev first")
    ap.add_argument("--errors", action="store_true", help="print missed, extra and mis-attributed quotes")
    ap.add_argument("--top", type=int, default=20, help="speakers: rows to print")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.dataset == "speakers":
        return top_speakers(args.corpus, args.top)
    if args.dataset in ("bbc", "all"):
        for annotations in [args.annotations] if args.annotations else BBC_QUOTE_SETS:
            # The test set's errors stay unread unless its file is named on purpose (--annotations)
            blind = args.errors and not args.annotations and annotations == BBC_QUOTE_TEST_SET
            evaluate_bbc(annotations, args.corpus, args.errors and not blind)
            if blind:
                print(f"errors not printed: nobody reads the test set's (--annotations {annotations} --errors prints them)")
            print()
    if args.dataset in ("polnear", "all"):
        for split in [args.polnear] if args.polnear else polnear_split_dirs(DEFAULT_POLNEAR.parent):
            evaluate_polnear(split, args.errors)
            print()
    return 0


def polnear_split_dirs(base: Path) -> list[Path]:
    """The splits under ``base`` to score: those present, dev first; dev alone (reported as missing) if none."""
    return present_polnear_splits(base) or [base / "dev"]


if __name__ == "__main__":
    sys.exit(main())
