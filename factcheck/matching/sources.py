"""Readers of the claims to match and of the claims already checked.

One function, :func:`read_claims`, reads every format ``factcheck match`` takes and yields
:class:`CheckedClaim` records, or an :class:`~factcheck.errors.InputError` in place of a record
that cannot be used (its file and line named), so that one bad row loses nothing else:

* JSON Lines records with ``id`` (or ``claim_id``) and ``text``, optionally ``title``,
  ``rating``, ``url``, ``date``; claim files from ``extract``/``score`` (also ``.csv``/``.parquet``);
* TSV ``id<TAB>text[<TAB>title]`` with a header line; a quoted cell may run over two lines;
* ClaimReview JSON: an array of schema.org ClaimReview objects (as ``export --format
  claimreview`` writes), a single one, a ``@graph`` or DataFeed of them, or the Google Fact
  Check Tools shape (``{"claims": [{"text", "claimReview": [...]}]}``);
* queue files (SQLite): their settled claims, each with the verdict that stands.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import InputError
from ..io import STDIN, TEXT_SUFFIXES, csv_rows, read_record_rows

_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    """A claim to match or matched against: its id, text, optional title, the verdict given on
    it (None for a claim not checked), the document it came from and where it was read."""

    id: str
    text: str
    title: str | None = None
    verdict: dict | None = None
    doc_id: str | None = None
    #: the claim's facets as ``extract`` wrote them (dicts), when the record carried them
    facets: tuple = field(default=(), compare=False)
    path: str | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)
    #: a claim found in an article: ``(start, end, text)``, its offsets in its document and its text
    #: there as ``extract`` gives it (``text`` above has its white space made single spaces), so
    #: that a match of it can name the sentence; None for a claim read from a file of claims
    span: tuple | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"id": self.id, "text": self.text}
        if self.title:
            out["title"] = self.title
        if self.doc_id is not None:
            out["doc_id"] = self.doc_id
        out["verdict"] = self.verdict
        return out


ReadItem = "CheckedClaim | InputError"


def sniff(path: str, head: bytes) -> str:
    """Return the format of a file from its suffix and first bytes: ``queue``, ``article``,
    ``claimreview``, ``tsv``, ``csv``, ``parquet`` or ``jsonl``."""
    suffix = Path(path).suffix.lower()
    if head.startswith(_SQLITE_MAGIC):
        return "queue"
    if suffix in TEXT_SUFFIXES:
        return "article"  # an article or a transcript: its check-worthy claims are the claims
    if suffix in (".tsv", ".tab"):
        return "tsv"
    if suffix in (".csv", ".parquet"):
        return suffix[1:]
    first = head.lstrip()[:1]
    if first == b"[":
        return "claimreview"
    if first == b"{" and suffix == ".json":
        return "claimreview"  # one JSON document; JSON Lines files are .jsonl
    return "jsonl"


def read_claims(path: str, *, stdin=None, published=None) -> Iterator[CheckedClaim | InputError]:
    """Yield the claims of one file, in file order, with an InputError in place of each row
    that cannot be used. A file that cannot be opened, or holds no row at all, raises InputError.
    ``published`` dates an article's relative dates (a date in its front matter comes first)."""
    if path == STDIN:
        data = (stdin or sys.stdin.buffer).read()
        head, opener = data[:64], (lambda: io.BytesIO(data))
    else:
        try:
            with open(path, "rb") as f:
                head = f.read(64)
        except OSError as exc:
            raise InputError(f"cannot read it ({exc.strerror}); check the path", path=path) from None
        opener = None
    fmt = sniff(path, head)
    if path == STDIN and fmt not in ("jsonl", "tsv", "claimreview"):
        raise InputError("standard input must be JSON Lines", path=path)
    readers = {"queue": _read_queue, "claimreview": _read_claimreview, "tsv": _read_tsv,
               "article": partial(_read_article, published=published)}
    rows = readers[fmt](path, opener) if fmt in readers else _read_records(path, fmt, opener)
    n = errors = 0
    for item in rows:
        n += isinstance(item, CheckedClaim)
        errors += isinstance(item, InputError)
        yield item
    if n == 0 and errors == 0:  # (rows refused have said why already)
        if fmt == "queue":
            raise InputError("holds no settled claim yet: a queue is matched against once claims have verdicts",
                             path=path)
        if fmt == "article":
            raise InputError("holds no check-worthy claim", path=path)
        raise InputError("holds no claim with text; give JSON Lines, TSV, ClaimReview JSON, a queue file "
                         "or an article (.txt, .md)", path=path)


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _record_claim(record: dict, path: str, line: int) -> CheckedClaim | InputError:
    """Return the claim of one JSON/CSV record (``id`` or ``claim_id``, ``text``, ...)."""
    text = _text(record.get("text") or record.get("claim") or record.get("claimReviewed"))
    if not text:
        return InputError("the record has no text; give each record a non-empty 'text'", path=path, line=line)
    cid = record.get("id", record.get("claim_id"))
    cid = str(line) if cid is None or str(cid) == "" else str(cid)
    verdict = None
    if record.get("rating") is not None or isinstance(record.get("verdict"), dict):
        verdict = dict(record["verdict"]) if isinstance(record.get("verdict"), dict) else {}
        for key in ("rating", "url", "date", "evidence", "note"):
            if record.get(key) is not None:
                verdict.setdefault(key, record[key])
    facets = record.get("facets")
    return CheckedClaim(id=cid, text=text, title=_text(record.get("title")) or None, verdict=verdict,
                        doc_id=None if record.get("doc_id") is None else str(record["doc_id"]),
                        facets=tuple(facets) if isinstance(facets, list) else (), path=path, line=line)


def _read_records(path: str, fmt: str, opener) -> Iterator[CheckedClaim | InputError]:
    if opener is not None:  # standard input, already read
        import tempfile
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as tmp:
            tmp.write(opener().read())
            tmp.flush()
            for _, line, record in read_record_rows(tmp.name, "jsonl"):
                yield _fix_path(record, path) if isinstance(record, InputError) else _record_claim(record, path, line)
        return
    for p, line, record in read_record_rows(path, fmt):
        yield record if isinstance(record, InputError) else _record_claim(record, p, line)


def _fix_path(error: InputError, path: str) -> InputError:
    return InputError(error.reason, path=path, line=error.line)


def _read_tsv(path: str, opener) -> Iterator[CheckedClaim | InputError]:
    """``id<TAB>text[<TAB>title]`` after a header line. Cells may be quoted (``"..."`` with
    ``""`` for a quote), so a quoted cell broken over two lines is one cell; an unquoted row
    broken in two is joined back: a line with no tab, or one whose cells complete the row
    before it to the header's width and whose first cell is words, not an id, carries on that row."""
    raw = opener() if opener is not None else open(path, "rb")
    with raw:
        try:
            text = raw.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"is not UTF-8 (byte {exc.start}); save it as UTF-8", path=path) from None
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t")
    header: list = []
    try:
        while not any(c.strip() for c in header):
            header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield InputError(f"broken TSV header ({exc})", path=path, line=reader.line_num)
        return
    if len(header) < 2:
        yield InputError("the header must name at least two tab-separated columns (id, text)", path=path,
                         line=reader.line_num)
        return
    pending: list | None = None  # (line, cells) of a row that may continue on the next line
    if len(header[1].split()) >= _WORDS_OF_A_CLAIM:
        # no header: the first line is a claim (the TSV format asks for a header line)
        yield InputError("the first line is a claim, not a header (id, text[, title]); "
                         "it is read as a row, but add a header line", path=path, line=reader.line_num)
        pending = (reader.line_num, list(header))
        header = ["id", "text", "title"][:max(2, len(header))]
    for first, cells in _tsv_rows(reader, text, path):
        if isinstance(cells, InputError):
            yield cells
            continue
        if not any(c.strip() for c in cells):
            continue
        if pending is not None and (len(cells) == 1 or len(pending[1]) + len(cells) - 1 == len(header)
                                    and not _looks_like_id(cells[0])):
            # the row was broken in two: this line carries on its last cell
            rest = pending[1]
            rest[-1] = f"{rest[-1]} {cells[0]}"
            rest.extend(cells[1:])
            continue
        if pending is not None:
            yield _tsv_claim(pending[1], path, pending[0])
        pending = (first, list(cells))
    if pending is not None:
        yield _tsv_claim(pending[1], path, pending[0])


#: a header's text column is named in a word or two; a first line whose second cell has this
#: many words is a claim
_WORDS_OF_A_CLAIM = 4
#: a quoted cell may run over this many lines (a text broken once or twice); a quote open for
#: longer was never closed
_QUOTED_LINES = 3


def _tsv_rows(reader, text: str, path: str) -> Iterator[tuple[int, list | InputError]]:
    """Yield (first line, cells) of the rows after the header, or an InputError in a row's place.
    A quote left open (a row that would run over more than :data:`_QUOTED_LINES` lines, or a
    cell that holds a tab) is reported, and its lines are read again one by one, quotes as written: the rows after it are
    not lost in one long cell."""
    lines = None
    for first, line, cells in csv_rows(reader):
        if isinstance(cells, csv.Error):
            yield first, InputError(f"broken TSV row ({cells})", path=path, line=first)
            continue
        if line - first + 1 <= _QUOTED_LINES and not any("\t" in c for c in cells):
            yield first, cells  # a tab inside a cell: the quote ran over a cell's end
            continue
        yield first, InputError("a quote opened on this line is not closed; the lines after it "
                                "are read as rows of their own", path=path, line=first)
        lines = lines if lines is not None else text.splitlines()
        for n in range(first, line + 1):
            plain = next(csv.reader([lines[n - 1]], delimiter="\t", quoting=csv.QUOTE_NONE), [])
            yield n, [c.strip('"') for c in plain]


def _looks_like_id(cell: str) -> bool:
    """Whether a line's first cell is a row's id (one short token: *t2*, *vclaim-sno-00413*)
    rather than the rest of a text broken over two lines (words): a row without its optional
    title is followed by a new row, not by its own continuation."""
    cell = cell.strip()
    return 0 < len(cell) <= 64 and not any(ch.isspace() for ch in cell)


def _tsv_claim(cells: list, path: str, line: int) -> CheckedClaim | InputError:
    cid = cells[0].strip()
    text = _text(cells[1]) if len(cells) > 1 else ""
    if not cid:
        return InputError("the row has no id in its first column", path=path, line=line)
    if not text:
        return InputError("the row has no text in its second column", path=path, line=line)
    title = _text(cells[2]) if len(cells) > 2 else ""
    return CheckedClaim(id=cid, text=text, title=title or None, path=path, line=line)


def _review_verdict(review: dict) -> dict:
    """Return the verdict of one ClaimReview (or Google Fact Check Tools review)."""
    rating = review.get("reviewRating") or {}
    if isinstance(rating, list):
        rating = rating[0] if rating else {}
    author = review.get("author") or review.get("publisher") or {}
    if isinstance(author, list):
        author = author[0] if author else {}
    verdict = {"rating": rating.get("alternateName") or review.get("textualRating") or rating.get("ratingValue"),
               "rating_value": rating.get("ratingValue"), "best_rating": rating.get("bestRating"),
               "worst_rating": rating.get("worstRating"), "url": review.get("url"),
               "date": review.get("datePublished") or review.get("reviewDate"),
               "by": author.get("name") if isinstance(author, dict) else str(author)}
    return {k: v for k, v in verdict.items() if v is not None}


def _reviews(doc: Any) -> Iterator[tuple[int, dict]]:
    """Yield (position, ClaimReview-like object) from any of the published shapes."""
    if isinstance(doc, dict):
        if isinstance(doc.get("claims"), list):  # Google Fact Check Tools
            for i, claim in enumerate(doc["claims"], 1):
                if not isinstance(claim, dict):
                    yield i, {}
                    continue
                for review in claim.get("claimReview") or [{}]:
                    yield i, {**review, "claimReviewed": claim.get("text"), "_date": claim.get("claimDate")}
            return
        items = doc.get("@graph") or doc.get("dataFeedElement")
        if isinstance(items, list):
            for i, item in enumerate(items, 1):
                if isinstance(item, dict) and isinstance(item.get("item"), (list, dict)):  # DataFeedItem
                    inner = item["item"]
                    for review in inner if isinstance(inner, list) else [inner]:
                        yield i, review
                else:
                    yield i, item
            return
        yield 1, doc
        return
    if isinstance(doc, list):
        for i, item in enumerate(doc, 1):
            yield i, item


def _read_claimreview(path: str, opener) -> Iterator[CheckedClaim | InputError]:
    raw = opener() if opener is not None else open(path, "rb")
    with raw:
        try:
            doc = json.loads(raw.read().decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise InputError(f"is not UTF-8 (byte {exc.start}); save it as UTF-8", path=path) from None
        except json.JSONDecodeError as exc:
            raise InputError(f"broken JSON ({exc.msg}); give a JSON array of ClaimReview objects",
                             path=path, line=exc.lineno) from None
    for i, review in _reviews(doc):
        if isinstance(review, dict) and not _text(review.get("claimReviewed")) and "text" in review:
            yield _record_claim(review, path, i)  # an array of claim records (json.dump's), not ClaimReview
            continue
        if not isinstance(review, dict) or not _text(review.get("claimReviewed")):
            yield InputError(f"item {i} has no claimReviewed text; each ClaimReview needs one (a claim record, "
                             "its 'text')", path=path)
            continue
        item = review.get("itemReviewed") if isinstance(review.get("itemReviewed"), dict) else {}
        appearance = item.get("appearance") or item.get("firstAppearance")
        if isinstance(appearance, list):
            appearance = appearance[0] if appearance else None
        doc_id = appearance.get("url") or appearance.get("name") if isinstance(appearance, dict) else None
        yield CheckedClaim(id=str(review.get("url") or f"{Path(path).name}#{i}"),
                           text=_text(review["claimReviewed"]), title=_text(review.get("name")) or None,
                           verdict=_review_verdict(review), doc_id=doc_id, path=path, line=i)


def queue_verdicts(queue) -> Iterator[tuple[dict, dict]]:
    """Yield (claim record, the verdict that stands) for every settled claim of a queue (an
    editor's ruling or the reviewers' agreement, spec/CLI.md review rules); claims settled as
    not a claim are left out. The verdict: rating, verdict_id, by, date, evidence, note."""
    for claim, settlement in queue.settled_claims():
        if settlement.get("not_a_claim") or settlement.get("rating") is None:
            continue
        record = {**claim["record"], "claim_id": claim["claim_id"], "doc_id": claim["doc_id"]}
        yield record, settled_verdict(queue, settlement)


def settled_verdict(queue, settlement: dict) -> dict:
    """Return the verdict that settled a claim as matching shows it: rating, verdict_id, by,
    date, evidence, note, settled_by. Reviewers who agreed each bring what they found: the
    evidence and notes of every standing verdict with the settled rating come together (the
    one that settled it first), so a reuse carries all of them."""
    row = queue.verdict(settlement["verdict_id"])
    agreeing = [row] + [v for v in _standing_with_rating(queue, row.get("claim_id"), settlement["rating"])
                        if v["verdict_id"] != row["verdict_id"]]
    evidence = list(dict.fromkeys(url for v in agreeing for url in (v.get("evidence") or [])))
    notes = [v["note"] for v in agreeing if v.get("note")]
    note = notes[0] if len(notes) == 1 else "; ".join(f"{v['reviewer']}: {v['note']}" for v in agreeing
                                                        if v.get("note")) or None
    verdict = {"rating": settlement["rating"], "verdict_id": settlement["verdict_id"],
               "by": ", ".join(dict.fromkeys(v.get("reviewer") for v in agreeing if v.get("reviewer"))) or None,
               "date": row.get("created_at"), "evidence": evidence, "note": note,
               "settled_by": settlement.get("by")}
    return {k: v for k, v in verdict.items() if v is not None}


def _standing_with_rating(queue, claim_id, rating) -> list[dict]:
    """Return the claim's standing verdicts with this rating, oldest first."""
    if claim_id is None:
        return []
    ids = [vid for (vid,) in queue._conn().execute(
        "SELECT v.verdict_id FROM current_verdicts c JOIN verdicts v ON v.verdict_id = c.verdict_id"
        " WHERE c.claim_id = ? AND v.rating = ? ORDER BY v.verdict_id", (claim_id, rating))]
    return [queue.verdict(vid) for vid in ids]


def _read_queue(path: str, opener) -> Iterator[CheckedClaim | InputError]:
    from ..queue.store import Queue

    try:
        queue = Queue(path, create=False)
    except InputError:
        raise
    except Exception as exc:  # a SQLite file that is not a queue
        raise InputError(f"is not a queue file ({exc})", path=path) from None
    try:
        for row, verdict in queue_verdicts(queue):
            yield CheckedClaim(id=row["claim_id"], text=_text(row.get("text")), verdict=verdict,
                               doc_id=row.get("doc_id"), facets=tuple(row.get("facets") or ()), path=path)
    finally:
        queue.close()


def _read_article(path: str, opener, *, published=None) -> Iterator[CheckedClaim | InputError]:
    """Yield the check-worthy claims of an article (``.txt``, ``.md``; a ``.transcript`` as a
    debate), found by the fast model as ``factcheck extract`` finds them: ids are claim ids, and
    relative dates stay unresolved unless the file gives its date (front matter)."""
    from ..batch import ModelSpec, _extractor
    from ..io import read_inputs

    extractor = _extractor(ModelSpec())  # the fast model, loaded once per process
    for item in read_inputs([path], published=published):
        if item.error is not None:
            yield item.error
            continue
        for claim in extractor.extract(item.doc):
            yield CheckedClaim(id=claim.claim_id, text=_text(claim.text), doc_id=claim.doc_id,
                               facets=tuple(f.to_dict() for f in claim.facets), path=path,
                               span=(claim.start, claim.end, claim.text))


def read_all(paths: Iterable[str], errors: list, *, published=None) -> list[CheckedClaim]:
    """Return the claims of every file; bad rows and unusable files go to ``errors``
    (``published``: the date of articles, see :func:`read_claims`)."""
    out: list[CheckedClaim] = []
    for path in paths:
        try:
            for item in read_claims(path, published=published):
                if isinstance(item, InputError):
                    errors.append(item)
                else:
                    out.append(item)
        except InputError as exc:
            errors.append(exc)
    return out
