"""``factcheck export``: the verdicts of a reviewer queue as a data set.

One row per current verdict (oldest first) with the claim, the rating, the corrected label,
note, evidence, reviewer, time, and what the model said when the verdict was given. Formats:

* ``jsonl``, ``csv`` (lists and objects as JSON text), ``parquet`` (evidence a list of
  strings, model scores and source structs, facets JSON text because a facet's value is a date
  or a number);
* ``hf``: a Hugging Face dataset folder (``save_to_disk``) with explicit features, ClassLabel
  for ratings and labels, and a dataset card (``README.md``);
* ``claimreview``: a JSON array of schema.org ClaimReview objects, one per **settled** claim
  (spec/CLI.md review rules: the editor's ruling or the agreed rating; never a claim settled
  as "not a claim", never one still open or disputed on its rating), with the reviewer's note
  as ``reviewBody`` and the claim's source as ``itemReviewed.author``.

The data-set formats carry every current verdict with ``settled`` (is its claim settled),
``not_a_claim``, ``source_corrected``, ``source`` (as it stands after the verdict; the model's
is ``model_source``), ``facets`` (the reviewer's facet corrections; the model's are
``model_facets``) and ``reuses``.

Every export is written to a temporary file (or folder) and moved into place, so a crash
never leaves half a file. ``since`` keeps only verdicts recorded after that time.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import FactcheckError
from .types import LABELS, PRIMARY_LABELS

FORMATS = ("jsonl", "csv", "parquet", "hf", "claimreview")
COLUMNS = ("verdict_id", "claim_id", "doc_id", "text", "start", "end", "checkworthiness", "source", "facets",
           "rating", "rating_value", "label", "note", "evidence", "reviewer", "reviewer_role", "kind",
           "created_at", "model_label", "model_scores", "model_name", "model_version",
           "settled", "not_a_claim", "source_corrected", "reuses", "model_source", "model_facets")


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: where, in which format, how many rows, and the newest verdict's
    time (give it to ``--since`` next time for an incremental export)."""

    path: str
    format: str
    rows: int
    latest: str | None

    def format_line(self) -> str:
        what = "claim review" if self.format == "claimreview" else "verdict"
        what += "" if self.rows == 1 else "s"
        line = f"wrote {self.rows:,} {what} to {self.path}"
        return line + (f"; next incremental export: --since {self.latest}" if self.latest else "")


def normalize_since(since: str | None) -> str | None:
    """Return ``since`` as the queue's timestamp text (ISO 8601 UTC, microseconds, ``Z``)."""
    if since is None or since == "":
        return None
    text = str(since).strip()
    try:
        when = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FactcheckError(f"--since {text!r} is not a time; give ISO 8601 such as 2024-05-01 "
                             "or 2024-05-01T12:00:00Z") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return when.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


#: the columns a history export adds: the verdict a row replaced, and whether it still stands
HISTORY_COLUMNS = ("supersedes", "current")


def export_row(row: dict, history: bool = False) -> dict:
    """Return a queue verdict row in the export's columns (the model's label as ``model_label``;
    with ``history``, also :data:`HISTORY_COLUMNS`)."""
    out = {k: row.get(k) for k in COLUMNS + (HISTORY_COLUMNS if history else ())}
    if history:
        out["current"] = bool(row.get("current"))
    out["model_label"] = row.get("claim_label", row.get("model_label"))
    out["evidence"] = list(row.get("evidence") or [])
    out["facets"] = list(row.get("facets") or [])  # the reviewer's facet corrections
    out["model_facets"] = list(row.get("model_facets") or [])
    for flag in ("settled", "not_a_claim", "source_corrected"):
        out[flag] = bool(row.get(flag))
    out["model_scores"] = {lab: (row.get("model_scores") or {}).get(lab) for lab in LABELS}
    return out


def verdict_rows(queue, since: str | None = None, history: bool = False) -> Iterator[dict]:
    """Yield the export rows of a queue's current verdicts, oldest first; with ``history``, every
    verdict ever recorded (superseded ones and retractions too, ``current`` saying which stand)."""
    for row in queue.verdict_rows(since=normalize_since(since), history=history):
        yield export_row(row, history)


# ---------------------------------------------------------------------------------------------
# Writers: each writes a temporary file next to the target and moves it into place


def _tmp_next_to(path: Path, folder: bool = False) -> Path:
    from .io import output_target, refuse_folder, temp_path_beside
    target, in_place = output_target(path)
    if not folder:
        refuse_folder(target, path, f"verdicts{Path(path).suffix or '.jsonl'}")
    if in_place:  # a FIFO or device: the file is made elsewhere, then copied into it
        fd, tmp = tempfile.mkstemp(suffix=".tmp")
        os.close(fd)
        return Path(tmp)
    return Path(temp_path_beside(target, folder=folder))


def _commit_file(tmp: Path, path: Path) -> None:
    from .io import output_target
    target, in_place = output_target(path)
    if in_place:  # a FIFO or device: copy the finished file into it
        with open(tmp, "rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
        os.unlink(tmp)
        return
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, target)


def _flat(row: dict) -> dict:
    from .io import spreadsheet_safe
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else spreadsheet_safe(v))
            for k, v in row.items()}


def write_jsonl(rows: Iterable[dict], path: Path) -> int:
    from .io import atomic_writer
    n = 0
    with atomic_writer(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(rows: Iterable[dict], path: Path, history: bool = False) -> int:
    import csv
    from .io import atomic_writer
    n = 0
    with atomic_writer(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(COLUMNS + (HISTORY_COLUMNS if history else ())))
        writer.writeheader()
        for row in rows:
            writer.writerow(_flat(row))
            n += 1
    return n


def parquet_schema(history: bool = False):
    """Return the Arrow schema of the Parquet export (with ``history``, :data:`HISTORY_COLUMNS` too)."""
    import pyarrow as pa

    from .claim_table import facet_type, span_type
    span = span_type()
    extra = [("supersedes", pa.int64()), ("current", pa.bool_())] if history else []
    return pa.schema([
        ("verdict_id", pa.int64()), ("claim_id", pa.string()), ("doc_id", pa.string()), ("text", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("checkworthiness", pa.float64()), ("source", span),
        ("facets", pa.list_(correction_type())), ("rating", pa.string()), ("rating_value", pa.int64()), ("label", pa.string()),
        ("note", pa.string()), ("evidence", pa.list_(pa.string())), ("reviewer", pa.string()),
        ("reviewer_role", pa.string()), ("kind", pa.string()), ("created_at", pa.string()),
        ("model_label", pa.string()), ("model_scores", pa.struct([(lab, pa.float64()) for lab in LABELS])),
        ("model_name", pa.string()), ("model_version", pa.string()),
        ("settled", pa.bool_()), ("not_a_claim", pa.bool_()), ("source_corrected", pa.bool_()),
        ("reuses", pa.int64()), ("model_source", span), ("model_facets", pa.list_(facet_type())),
        *extra,
    ])


def correction_type():
    """Return the Arrow struct of a reviewer's facet correction (``facets`` of a verdict row)."""
    import pyarrow as pa
    return pa.struct([("start", pa.int64()), ("end", pa.int64()), ("kind", pa.string()),
                      ("value", pa.string()), ("not_a_figure", pa.bool_())])


def _correction_cells(f: dict) -> dict:
    from .claim_table import facet_value_text
    return {"start": f.get("start"), "end": f.get("end"), "kind": f.get("kind"),
            "value": facet_value_text(f.get("value")), "not_a_figure": bool(f.get("not_a_figure"))}


def write_parquet(rows: Iterable[dict], path: Path, batch: int = 10_000, history: bool = False) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .claim_table import facet_cells, source_cells

    schema = parquet_schema(history)
    tmp = _tmp_next_to(path)
    n = 0
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            buf: list[dict] = []
            for row in rows:
                buf.append({**row, "facets": [_correction_cells(f) for f in row["facets"]],
                            "model_facets": [facet_cells(f) for f in row["model_facets"]],
                            "source": source_cells(row.get("source")),
                            "model_source": source_cells(row.get("model_source"))})
                if len(buf) >= batch:
                    writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                    n, buf = n + len(buf), []
            if buf or n == 0:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
        _commit_file(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def hf_features(scale):
    """Return the ``datasets.Features`` of the hf export: ClassLabel for rating and labels."""
    from datasets import ClassLabel, Features, List, Value

    from .frames import claim_features
    claim = claim_features()
    return Features({
        "verdict_id": Value("int64"), "claim_id": Value("string"), "doc_id": Value("string"),
        "text": Value("string"), "start": Value("int64"), "end": Value("int64"),
        "checkworthiness": Value("float64"), "source": claim["source"],
        "facets": List({"start": Value("int64"), "end": Value("int64"), "kind": Value("string"),
                        "value": Value("string"), "not_a_figure": Value("bool")}),
        "rating": ClassLabel(names=scale.names()), "rating_value": Value("int64"),
        "label": ClassLabel(names=list(PRIMARY_LABELS)), "note": Value("string"),
        "evidence": List(Value("string")), "reviewer": Value("string"), "reviewer_role": Value("string"),
        "kind": Value("string"), "created_at": Value("string"),
        "model_label": ClassLabel(names=list(PRIMARY_LABELS)),
        "model_scores": {lab: Value("float64") for lab in LABELS},
        "model_name": Value("string"), "model_version": Value("string"),
        "settled": Value("bool"), "not_a_claim": Value("bool"), "source_corrected": Value("bool"),
        "reuses": Value("int64"), "model_source": claim["source"], "model_facets": claim["facets"],
    })


def _hf_row(row: dict) -> dict:
    from .claim_table import facet_cells, source_cells
    out = dict(row)
    out["model_facets"] = [facet_cells(f) for f in row["model_facets"]]
    out["facets"] = [_correction_cells(f) for f in row["facets"]]
    out["source"], out["model_source"] = source_cells(row.get("source")), source_cells(row.get("model_source"))
    return out


def dataset_card(queue, rows: list[dict], scale, since: str | None) -> str:
    """Return the dataset card (README.md) of an hf export: counts, reviewers, agreement, scale."""
    from collections import Counter

    stats = queue.stats()
    by_rating = Counter(r["rating"] for r in rows)
    by_reviewer = Counter(r["reviewer"] for r in rows)
    corrected = sum(1 for r in rows if r.get("label"))
    lines = ["---", "pretty_name: factcheck verdicts", "language:", "- en", "task_categories:",
             "- text-classification", "tags:", "- fact-checking", "- claimreview", "---", "",
             "# factcheck verdicts", "",
             f"Human verdicts on check-worthy claims, exported from the reviewer queue `{Path(queue.path).name}` "
             "with `factcheck export --format hf`. One row per current verdict (superseded and retracted "
             "verdicts are left out), with what the model said when the verdict was given.", ""]
    if since:
        lines += [f"Incremental export: verdicts recorded after {since}.", ""]
    lines += ["## Counts", "",
              f"- verdicts: {len(rows):,}",
              f"- claims with a verdict: {len({r['claim_id'] for r in rows}):,}",
              f"- claims in the queue: {stats.get('claims', 0):,}",
              f"- labels corrected by a reviewer: {corrected:,}",
              f"- verdicts on settled claims: {sum(1 for r in rows if r.get('settled')):,}",
              f"- not-a-claim verdicts: {sum(1 for r in rows if r.get('not_a_claim')):,}",
              f"- source corrections: {sum(1 for r in rows if r.get('source_corrected')):,}; "
              f"facet corrections: {sum(len(r.get('facets') or ()) for r in rows):,}", "",
              "| rating | verdicts |", "|---|---|"]
    lines += [f"| {name} | {by_rating.get(name, 0):,} |" for name in scale.names()]
    lines += ["", "## Reviewers", "", "| reviewer | verdicts |", "|---|---|"]
    lines += [f"| {name} | {n:,} |" for name, n in sorted(by_reviewer.items())]
    lines += ["", "## Agreement", "",
              "Between reviewers on claims with two or more verdicts (from `factcheck queue stats`):", "",
              "```json", json.dumps(stats.get("agreement", {}), indent=2, default=str), "```", "",
              "## Rating scale", "", "| rating | ClaimReview ratingValue | alternateName |", "|---|---|---|"]
    lines += [f"| {r.name} | {'' if r.value is None else r.value} | {r.alternate_name} |" for r in scale.ratings]
    lines += ["", "## Columns", "",
              "- `rating` (ClassLabel over the scale) and `rating_value` (its ClaimReview value, null if unrated)",
              "- `label`: the reviewer's corrected label (ClassLabel; null when not corrected); "
              "`model_label`, `model_scores`: the model's, at review time",
              "- `text`, `start`, `end`, `doc_id`, `source`, `facets`: the claim as in spec/CLAIMS.md "
              "(a facet's `value` as text)",
              "- `note`, `evidence` (URLs), `reviewer`, `reviewer_role`, `kind` (verdict or adjudication), "
              "`created_at` (ISO 8601 UTC)",
              "- `settled`: the claim is settled (its verdicts agree on the rating, or an editor ruled); "
              "`not_a_claim`: the reviewer says it is nothing to check (no rating)",
              "- `source_corrected`, `source`: the source as it stands after the verdict (`model_source` is "
              "the model's); `facets`: the reviewer's corrected figures (`model_facets` are the model's); "
              "`reuses`: the verdict this one took over", ""]
    return "\n".join(lines)


def write_hf(queue, rows: Iterable[dict], path: Path, since: str | None = None) -> int:
    try:
        import datasets
    except ImportError:
        raise FactcheckError("--format hf needs the datasets library: pip install 'factcheck[hf]'") from None
    scale = queue.scale
    rows = list(rows)  # verdicts are written by people: thousands, not millions
    features = hf_features(scale)
    if rows:
        ds = datasets.Dataset.from_list([_hf_row(r) for r in rows], features=features)
    else:  # nothing new since the last export: an empty data set, with its columns and card
        ds = datasets.Dataset.from_dict({name: [] for name in features}, features=features)
    ds.info.description = "Human verdicts on check-worthy claims, exported by factcheck."
    from .io import output_target
    path, in_place = output_target(path)  # a link to a folder: the folder it points to is replaced
    if in_place or path.exists() and not path.is_dir():
        raise FactcheckError(f"--format hf writes a folder; {path} is a file (remove it, or give a folder name)")
    tmp = _tmp_next_to(path, folder=True)
    old = None
    bars = datasets.is_progress_bar_enabled()
    if not sys.stderr.isatty():  # progress bars are for people at a terminal, not for logs
        datasets.disable_progress_bars()
    try:
        ds.save_to_disk(str(tmp), num_shards=1 if not rows else None)  # with no shard, an empty set does not load
        (tmp / "README.md").write_text(dataset_card(queue, rows, scale, since), encoding="utf-8")
        if path.exists():  # swap folders: the old one moves aside first, then goes
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
            os.rmdir(old)
            os.replace(path, old)
        os.replace(tmp, path)
    finally:
        if bars:
            datasets.enable_progress_bars()
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return len(rows)


_ORGANISATION_WORDS = frozenset((
    "agency", "association", "authority", "bank", "board", "bureau", "centre", "center", "commission",
    "committee", "company", "corporation", "council", "court", "department", "government", "group",
    "institute", "ministry", "office", "organisation", "organization", "party", "police", "service",
    "survey", "union", "university", "corp", "inc", "ltd", "plc", "llc", "co", "network",
    "news", "times", "post", "journal", "press", "media", "reuters", "parliament", "congress",
    "senate", "administration", "campaign", "firm", "fund", "foundation", "hospital", "school", "club"))


#: the head nouns of a person's role: *The governor*, *a company spokeswoman*, *Council member Luis Ortega*
_ROLE_WORDS = frozenset((
    "governor", "mayor", "president", "minister", "secretary", "senator", "spokesman", "spokeswoman",
    "spokesperson", "chief", "director", "chairman", "chairwoman", "chair", "official", "member", "head",
    "leader", "candidate", "lawmaker", "representative", "manager", "economist", "analyst", "expert",
    "professor", "doctor", "lawyer", "judge", "officer", "commissioner", "executive", "founder", "owner",
    "resident", "witness", "author", "researcher", "scientist", "adviser", "advisor", "aide", "ambassador"))


def _source_text(source) -> str | None:
    text = source.get("text") if isinstance(source, dict) else source
    return " ".join(text.split()) if isinstance(text, str) and text.strip() else None


def claim_author(source) -> dict | None:
    """Return the schema.org author of a claim from its source span (None when it has none).

    A guess from the head of the noun phrase (its last word, or the word before *of*), not a
    lookup: a person's role or name is a Person (*The governor*, *Council member Luis Ortega*,
    *head of the Labor Department*); an organisation's noun (*the Labor Department*, *Statistics
    Bureau*), a group in the plural (*officials*, *local residents*) or any other *the ...* phrase
    is an Organization."""
    name = _source_text(source)
    if name is None:
        return None
    words = name.split()
    lower = [w.strip(".,'’").lower() for w in words]
    at = lower.index("of") - 1 if "of" in lower[1:] else len(words) - 1
    head, head_word = lower[at].removesuffix("’s").removesuffix("'s"), words[at].strip(".,'’")
    if head in _ORGANISATION_WORDS:
        kind = "Organization"
    elif head in _ROLE_WORDS:
        kind = "Person"
    elif head.endswith("s") and not head.endswith("ss") and head.rstrip("s") in _ROLE_WORDS | _GROUP_NOUNS:
        kind = "Organization"  # officials, analysts, residents: a group, not one person
    elif head_word.isupper() and len(head_word) > 1:
        kind = "Organization"  # NASA, the WHO: an acronym names an organisation
    elif head_word[:1].isupper() and lower[0] != "the":
        kind = "Person"  # a name: Luis Ortega, Ms. Park
    elif lower[0] == "the" or head.endswith("s"):
        kind = "Organization"
    else:
        kind = "Person"
    return {"@type": kind, "name": name}


#: plural heads of groups that are no organisation's name but speak as one
_GROUP_NOUNS = frozenset(("critic", "supporter", "opponent", "protester", "voter", "worker", "parent",
                          "teacher", "student", "activist", "investor", "trader", "observer", "source"))


def _web_url(value) -> str | None:
    """Return ``value`` if it is an http(s) URL (the check evidence passes), else None: a
    documents table is not ours, and a ``javascript:`` link must not be published."""
    from .errors import ValidationError
    from .queue.validate import check_url

    if not value:
        return None
    try:
        return check_url(value)
    except ValidationError:
        return None


def check_org_url(org_url: str) -> str:
    """Return ``--org-url`` stripped; FactcheckError unless it is an http(s) URL without a query or
    fragment, since each review's url is ``ORG_URL/claims/CLAIM_ID`` and a ``?`` or ``#`` would
    swallow that path."""
    from urllib.parse import urlsplit

    url = _web_url(org_url)
    if url is None:
        raise FactcheckError(f"--org-url {org_url!r} is not an http:// or https:// URL; give the site's address")
    parts = urlsplit(url)
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        raise FactcheckError(f"--org-url {org_url!r} has a query or fragment; give the address without "
                             "'?...' or '#...' (each review's url is ORG_URL/claims/CLAIM_ID)")
    return url


def claim_review(row: dict, scale, org_name: str, org_url: str) -> dict:
    """Return the schema.org ClaimReview of one settled claim: ``row`` carries the claim's
    fields, the published ``rating`` and, where known, ``note`` (the reviewBody), ``source``
    (the claim's author), ``published`` and ``url`` of its document."""
    rating = scale.get(row["rating"])
    review_rating = {"@type": "Rating"}
    if rating.value is not None:
        review_rating["ratingValue"] = rating.value
    review_rating.update({"bestRating": scale.best, "worstRating": scale.worst,
                          "alternateName": rating.alternate_name})
    doc_id = str(row.get("doc_id") or "")
    appearance = {"@type": "CreativeWork", "name": row.get("title") or doc_id}
    url = _web_url(row.get("url")) or _web_url(doc_id)
    if url:
        appearance["url"] = url
    item = {"@type": "Claim", "appearance": [appearance]}
    author = claim_author(row.get("source"))
    if author:
        item["author"] = author
    if row.get("published"):
        item["datePublished"] = str(row["published"])[:10]
    base = org_url.rstrip("/")
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base}/claims/{row['claim_id']}",
        "claimReviewed": row["text"],
        "datePublished": str(row["created_at"])[:10],
        "author": {"@type": "Organization", "name": org_name, "url": org_url},
        "reviewRating": review_rating,
        "itemReviewed": item,
    }
    if row.get("note"):
        review["reviewBody"] = row["note"]
    return review


def published_rows(rows: Iterable[dict], settlements: dict[str, dict]) -> list[dict]:
    """Return one row per claim that ClaimReview may publish: settled (spec/CLI.md review rules)
    and not settled as "not a claim". The row is the settling verdict's (the editor's ruling, or
    the agreed verdict) with the settled rating; ``created_at`` is when the claim was settled
    (its latest current verdict), and a verdict without a note takes an agreeing one's. Where the
    agreeing reviewers name different sources (one corrected it, one kept the model's), the row
    has none: an author in dispute is not published."""
    by_claim: dict[str, list[dict]] = {}
    for row in rows:
        if row["claim_id"] in settlements:
            by_claim.setdefault(row["claim_id"], []).append(row)
    out = []
    for claim_id, settled in settlements.items():
        if settled["not_a_claim"] or claim_id not in by_claim:
            continue
        mine = by_claim[claim_id]
        chosen = next((r for r in mine if r["verdict_id"] == settled["verdict_id"]), None)
        if chosen is None:
            continue
        row = {**chosen, "rating": settled["rating"]}
        if settled["by"] == "agreement":
            row["created_at"] = max(r["created_at"] for r in mine if r.get("kind") != "adjudication")
            if not row.get("note"):
                row["note"] = next((r["note"] for r in mine if r.get("note") and r["rating"] == settled["rating"]),
                                   next((r["note"] for r in mine if r.get("note")), None))
            if len({_source_text(r.get("source")) for r in mine if r.get("kind") != "adjudication"}) > 1:
                row["source"] = None  # the reviewers agree on the rating but not on who said it: no author
        out.append(row)
    return sorted(out, key=lambda r: r["verdict_id"])


def claim_reviews(rows: Iterable[dict], settlements: dict[str, dict], scale, org_name: str, org_url: str,
                  since: str | None = None) -> list[dict]:
    """Return one ClaimReview per published claim (see :func:`published_rows`); with ``since``,
    only claims settled after it."""
    since = normalize_since(since)
    return [claim_review(r, scale, org_name, org_url) for r in published_rows(rows, settlements)
            if since is None or str(r["created_at"]) > since]


def write_claimreview(queue, rows: Iterable[dict], path: Path, org_name: str, org_url: str,
                      since: str | None) -> int:
    from .io import atomic_writer
    settlements = {claim["claim_id"]: found for claim, found in queue.settled_claims()}
    reviews = claim_reviews(rows, settlements, queue.scale, org_name, org_url, since)
    with atomic_writer(path, "w", encoding="utf-8") as f:
        json.dump(reviews, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return len(reviews)


def document_index(paths: Iterable[str]) -> dict[str, dict]:
    """Return doc_id -> {"published", "url"} read from documents tables (as ``extract`` reads them),
    so that ClaimReview can say when and where each claim appeared."""
    from .io import read_records

    index: dict[str, dict] = {}
    for path in paths:
        for row in read_records(str(path)):
            if row.get("doc_id") is None:
                continue
            index[str(row["doc_id"])] = {"published": row.get("published") or None, "url": row.get("url") or None,
                                         "title": row.get("title") or row.get("headline") or None}
    return index


def with_documents(rows: Iterable[dict], documents: dict[str, dict]) -> Iterator[dict]:
    """Yield the rows with their document's publication date and URL filled in where known."""
    for row in rows:
        doc = documents.get(str(row.get("doc_id")))
        if doc:
            row = dict(row)
            for key in ("published", "url", "title"):
                if doc.get(key) and not row.get(key):
                    row[key] = doc[key]
        yield row


def export_queue(queue_path, out, *, fmt: str, org_name: str | None = None, org_url: str | None = None,
                 since: str | None = None, documents: dict[str, dict] | None = None,
                 history: bool = False) -> ExportResult:
    """Write the verdicts of the queue at ``queue_path`` to ``out`` in ``fmt`` and say what was written.

    ``documents`` (from :func:`document_index`) supplies each claim's publication date and URL.
    ``history`` (jsonl, csv, parquet): every verdict ever recorded, not only the ones that stand."""
    from .queue import Queue

    if fmt not in FORMATS:
        raise FactcheckError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if fmt == "claimreview" and not (org_name and org_url):
        raise FactcheckError("--format claimreview needs --org-name and --org-url (who publishes the reviews)")
    if fmt == "claimreview":
        org_url = check_org_url(org_url)
    if history and fmt not in ("jsonl", "csv", "parquet"):
        raise FactcheckError(f"--history is for jsonl, csv and parquet exports, not {fmt}")
    since_norm = normalize_since(since)
    if str(out) == "-" and fmt in ("parquet", "hf"):
        raise FactcheckError(f"--format {fmt} needs a file or folder to write, not '-' (standard output)")
    out = Path(out)
    latest: list[str] = []

    def tracked(rows):
        for r in rows:
            if r.get("created_at") and (not latest or r["created_at"] > latest[0]):
                latest[:] = [r["created_at"]]
            yield r

    with Queue(queue_path, create=False) as queue:
        if fmt == "claimreview":
            # the choice per claim needs all its current verdicts, so read them all; the queue's own
            # rows, because they may carry the document's publication date
            known = {**queue.document_index(), **(documents or {})}
            rows = with_documents(queue.verdict_rows(), known)
            n = write_claimreview(queue, tracked(rows), out, org_name, org_url, since_norm)
        else:
            rows = tracked(verdict_rows(queue, since_norm, history))
            if fmt == "jsonl":
                n = write_jsonl(rows, out)
            elif fmt == "csv":
                n = write_csv(rows, out, history)
            elif fmt == "parquet":
                n = write_parquet(rows, out, history=history)
            else:
                n = write_hf(queue, rows, out, since_norm)
    return ExportResult(str(out), fmt, n, latest[0] if latest else None)
