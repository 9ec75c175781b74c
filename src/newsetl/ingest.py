"""Find raw article files, decode them, hash them and split title / dek / body lines.

Identity is content: ``article_id`` is the hex SHA-256 of the raw bytes of a
``.txt`` file, or of one line of a ``.jsonl`` file. Everything that can go wrong
with an input raises :class:`RejectedInput`, which the flow turns into a
``rejects`` row; nothing here stops a run.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".jsonl")
# cp1252 is a superset of Latin-1's printable range and is what legacy news
# CMSs actually emitted; bytes it cannot map (0x81, 0x8d, ...) fall to latin-1.
LEGACY_ENCODINGS = ("cp1252", "latin-1")
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_NEWLINE_CHARS = ("\r", "\u2028", "\u2029", "\x85")
_DEK_END = ("?",)
_TERMINAL = ('.', '!', '"', "\u201d", "'", "\u2019", ")")


class RejectedInput(Exception):
    """An input that cannot become an article; ``reason`` is a short stable code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class SourceFile:
    path: str | os.PathLike[str]  # a string from discover(): a Path per file was a third of planning 22k files
    source_path: str  # relative to the raw directory, with forward slashes
    size: int


@dataclass(frozen=True)
class Line:
    line_no: int  # 1-based, in the decoded raw text
    text: str


@dataclass(frozen=True)
class RawArticle:
    article_id: str
    source_path: str  # "dir/file.txt", or "dir/file.jsonl:LINE" for JSONL articles
    text: str  # decoded, newlines normalised to "\n"
    encoding: str  # "utf-8", "utf-8-sig" or the legacy fallback used
    n_bytes: int
    title: str | None = None  # from JSONL metadata; .txt titles come from the text
    url: str | None = None
    published: str | None = None
    source: str | None = None  # publisher named by the JSONL record

    def lines(self) -> tuple[Line, ...]:
        return tuple(Line(i, t) for i, t in enumerate(self.text.split("\n"), start=1))


@dataclass(frozen=True)
class ArticleParts:
    title: Line | None
    dek: Line | None
    body: tuple[Line, ...]  # non-blank lines after title and dek, one paragraph each


@dataclass(frozen=True)
class DiscoveryProblem:
    source_path: str
    reason: str
    detail: str


def discover(raw_dir: Path) -> tuple[list[SourceFile], list[DiscoveryProblem]]:
    """All ``.txt``/``.jsonl`` files under ``raw_dir``, sorted, plus files that cannot be listed.

    Follows directory symlinks but never the same directory twice, so a symlink
    loop is reported instead of recursing forever.
    """
    raw_dir = Path(raw_dir)
    found: list[SourceFile] = []
    problems: list[DiscoveryProblem] = []
    seen_dirs: set[tuple[int, int]] = set()

    def rel(path: Path) -> str:
        return _display_path(path.relative_to(raw_dir).as_posix())

    def walk_error(err: OSError) -> None:
        where = Path(err.filename) if err.filename else raw_dir
        problems.append(DiscoveryProblem(rel(where) if where != raw_dir else ".", "unreadable", str(err)))

    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=True, onerror=walk_error):
        stat = os.stat(dirpath)
        key = (stat.st_dev, stat.st_ino)
        if key in seen_dirs:
            problems.append(DiscoveryProblem(rel(Path(dirpath)), "symlink_loop", "directory already visited through another path; not followed"))
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        # Paths as strings, one Path per file: pathlib's parsing was half of planning 22k files.
        prefix = "" if dirpath == os.fspath(raw_dir) else Path(dirpath).relative_to(raw_dir).as_posix() + "/"
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(ARTICLE_SUFFIXES):
                continue
            path = os.path.join(dirpath, name)
            source_path = _display_path(prefix + name)
            try:
                size = os.stat(path).st_size
            except OSError as err:
                problems.append(DiscoveryProblem(source_path, "unreadable", f"cannot stat: {err.strerror or err}"))
                continue
            found.append(SourceFile(path=path, source_path=source_path, size=size))
    found.sort(key=lambda f: f.source_path)
    return found, problems


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes: ``Path.read_bytes`` without the buffered file object, which costs more
    than the read itself for a news article (a re-run over 22k unchanged files reads them all)."""
    # O_NONBLOCK: opening a named pipe would otherwise wait for a writer, and the run with it
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a directory fails below, with EISDIR
            raise OSError(errno.EINVAL, "not a regular file (a named pipe, socket or device)", os.fspath(path))
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_articles(source: SourceFile, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | RejectedInput]:
    """Articles in one file; a JSONL file yields one item per line, good or rejected.

    Raises RejectedInput for a problem with the whole file.
    """
    if source.size > max_bytes:
        raise RejectedInput("too_large", f"{source.size:,} bytes exceeds the limit of {max_bytes:,} bytes (max_bytes)")
    try:
        raw = read_bytes(source.path)
    except OSError as err:
        raise RejectedInput("unreadable", f"cannot read file: {err.strerror or err}") from err
    if len(raw) > max_bytes:
        raise RejectedInput("too_large", f"{len(raw):,} bytes exceeds the limit of {max_bytes:,} bytes (max_bytes)")
    if source.source_path.endswith(".jsonl"):
        yield from _jsonl_articles(source.source_path, raw)
    else:
        yield decode_article(source.source_path, raw)


def decode_article(source_path: str, raw: bytes, **metadata: str | None) -> RawArticle:
    text, encoding = decode(raw)
    if not text.strip():
        raise RejectedInput("empty", "the file has no text" if not raw else "the file contains only whitespace")
    return RawArticle(
        article_id=hashlib.sha256(raw).hexdigest(),
        source_path=source_path,
        text=text,
        encoding=encoding,
        n_bytes=len(raw),
        **metadata,
    )


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes to text with normalised newlines; returns (text, encoding used)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise RejectedInput("undecodable", f"UTF-16 byte-order mark but invalid UTF-16 at byte {err.start}") from err
    else:
        if _looks_binary(raw):
            raise RejectedInput("binary", _binary_detail(raw))
        if raw.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        else:
            encoding = "utf-8"
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            text, encoding = _legacy_decode(raw)
    if "\x00" in text:
        raise RejectedInput("binary", f"NUL character at offset {text.index(chr(0))}: not a text file")
    if any(char in text for char in _NEWLINE_CHARS):  # a substring test is far cheaper than the regex's scan
        text = _NEWLINES.sub("\n", text)
    return text, encoding


def split_parts(article: RawArticle) -> ArticleParts:
    """Title, optional dek and body lines.

    Line 1 is the title (unless JSONL gave one). A dek is the next line when it
    follows the title with no blank line between and reads as a standfirst: a
    question, or a line without sentence-final punctuation. BBC-style files put a
    blank line after the title, so their first paragraph is never taken as a dek.
    """
    lines = [ln for ln in article.lines()]
    title: Line | None = None
    dek: Line | None = None
    start = 0
    if article.title is None:
        while start < len(lines) and not lines[start].text.strip():
            start += 1
        if start < len(lines):
            title = Line(lines[start].line_no, lines[start].text.strip())
            start += 1
            if start < len(lines) and _reads_as_dek(lines[start].text, lines[start + 1 :]):
                dek = Line(lines[start].line_no, lines[start].text.strip())
                start += 1
    body = tuple(Line(ln.line_no, ln.text.strip()) for ln in lines[start:] if ln.text.strip())
    return ArticleParts(title=title, dek=dek, body=body)


def _reads_as_dek(text: str, rest: list[Line]) -> bool:
    text = text.strip()
    if not text or not any(ln.text.strip() for ln in rest):
        return False
    return text.endswith(_DEK_END) or not text.endswith(_TERMINAL)


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    return len(_BINARY_CONTROL.findall(head)) > max(8, len(head) // 100)


def _binary_detail(raw: bytes) -> str:
    if raw.startswith(b"\x89PNG"):
        return "PNG image data, not text"
    if raw.startswith(b"%PDF"):
        return "PDF document, not text"
    if raw.startswith(b"PK\x03\x04"):
        return "ZIP archive, not text"
    return "contains NUL or control bytes: not a text file"


def _legacy_decode(raw: bytes) -> tuple[str, str]:
    for encoding in LEGACY_ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise RejectedInput("undecodable", "neither UTF-8 nor a legacy 8-bit encoding")  # pragma: no cover - latin-1 maps every byte


def _jsonl_articles(source_path: str, raw: bytes) -> Iterator[RawArticle | RejectedInput]:
    lines = raw.split(b"\n")
    for line_no, line in enumerate(lines, start=1):
        line = line.rstrip(b"\r")
        where = f"{source_path}:{line_no}"
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8-sig" if line_no == 1 else "utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            yield _line_reject(where, "malformed_jsonl", f"line {line_no}: not valid JSON ({err})")
            continue
        if not isinstance(record, dict):
            yield _line_reject(where, "malformed_jsonl", f"line {line_no}: expected a JSON object, got {type(record).__name__}")
            continue
        text = record.get("text")
        if text is None:
            yield _line_reject(where, "missing_text", f"line {line_no}: the record has no 'text' field")
            continue
        if not isinstance(text, str):
            yield _line_reject(where, "missing_text", f"line {line_no}: 'text' is {type(text).__name__}, not a string")
            continue
        if not text.strip():
            yield _line_reject(where, "empty", f"line {line_no}: 'text' is empty")
            continue
        meta = {key: _optional_str(record.get(key)) for key in ("title", "url", "published", "source")}
        yield RawArticle(
            article_id=hashlib.sha256(line).hexdigest(),
            source_path=where,
            text=_NEWLINES.sub("\n", text),
            encoding="utf-8",
            n_bytes=len(line),
            **meta,
        )


def _line_reject(where: str, reason: str, detail: str) -> RejectedInput:
    err = RejectedInput(reason, detail)
    err.source_path = where  # type: ignore[attr-defined]
    return err


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _display_path(path: str) -> str:
    # File names that are not valid UTF-8 arrive as surrogate escapes; keep them
    # printable and storable in Parquet (which requires valid UTF-8).
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
