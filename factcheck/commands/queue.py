"""``factcheck queue ...``: the reviewer queue file, each command a few lines over
:class:`factcheck.queue.Queue`."""
from __future__ import annotations

import json
import sys

import click

from ..errors import FactcheckError

NOTHING_LEFT = 3  # exit code of `queue next` when no claim is left (spec/CLI.md)

queue_path = click.argument("queue_file", metavar="QUEUE", type=click.Path(dir_okay=False))
json_flag = click.option("--json", "as_json", is_flag=True, help="Print JSON (the default when piped).")


def _open(path: str, create: bool = False):
    from ..queue import Queue
    return Queue(path, create=create)


def _wants_json(as_json: bool) -> bool:
    return as_json or not sys.stdout.isatty()


def _print_json(obj, pretty: bool = False) -> None:
    """Print one JSON object: indented at a terminal or when asked, one compact line in a pipe."""
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2 if pretty or sys.stdout.isatty() else None))


@click.group(epilog="""\b
Example:
    factcheck queue init newsroom.queue && factcheck queue add newsroom.queue claims.jsonl""")
def queue():
    """Manage the reviewer queue file (SQLite): claims, reviewers, leases and verdicts."""


@queue.command(epilog="""\b
Example:
    factcheck queue init newsroom.queue --reviews-per-claim 2 --agree-within 1 --blind""")
@queue_path
@click.option("--scale", "scale_file", type=click.Path(exists=True, dir_okay=False),
              help="A rating scale (JSON or CSV: name, value, alternate_name). Default: true ... false, unverifiable.")
@click.option("--reviews-per-claim", type=click.IntRange(1, 100), default=None,
              help="How many reviewers give a verdict on each claim (a new queue: 1).")
@click.option("--agree-within", type=click.IntRange(0), default=None, metavar="N",
              help="Ratings whose values on the scale are at most N apart agree (1: true and mostly-true "
                   "are no dispute); the agreed rating is the more cautious one (a new queue: 0).")
@click.option("--blind/--no-blind", default=None,
              help="Hide what the model said (label, scores, source) from reviewers (a new queue: not blind).")
def init(queue_file, scale_file, reviews_per_claim, agree_within, blind):
    """Create the queue file QUEUE and set its rating scale, reviews per claim and tolerance.

    On an existing queue only the settings given change; the others stay as they are.
    """
    import os

    from ..queue import RatingScale
    scale = RatingScale.from_file(scale_file) if scale_file else None
    existed = os.path.exists(queue_file)
    with _open(queue_file, create=True) as q:
        wanted = {"scale": scale if scale is not None else (q.scale if existed else None),
                  "reviews_per_claim": reviews_per_claim if reviews_per_claim is not None
                  else (q.reviews_per_claim if existed else 1),
                  "blind": blind if blind is not None else (q.blind if existed else False),
                  "agree_within": agree_within if agree_within is not None else (q.agree_within if existed else 0)}
        unchanged = existed and (scale is None or scale.names() == q.scale.names()) and (
            wanted["reviews_per_claim"], wanted["blind"], wanted["agree_within"]) == (
            q.reviews_per_claim, q.blind, q.agree_within)
        if not unchanged:
            q.init(**wanted)
        click.echo(f"Queue {queue_file}: scale {', '.join(q.scale.names())}; {q.reviews_per_claim} review(s)"
                   f" per claim; ratings agree within {q.agree_within}{'; blind' if q.blind else ''}")


@queue.command(epilog="""\b
Example:
    factcheck extract articles.jsonl --format jsonl -o claims.jsonl
    factcheck queue add newsroom.queue claims.jsonl --model fast --model-version 0.1.0
    factcheck queue add newsroom.queue claims.jsonl --docs articles/  # or articles.jsonl""")
@queue_path
@click.argument("claims", nargs=-1, metavar="CLAIMS...")
@click.option("--docs", "docs", multiple=True, type=click.Path(allow_dash=True), metavar="DOCS",
              help="The documents the claims come from: the articles given to extract (.txt/.md files or "
                   "folders; the file name is the doc_id), or tables (.jsonl/.csv/.parquet with doc_id, text, "
                   "and title or headline, published, url): reviewers then see the claim's paragraph, "
                   "headline, date and link.")
@click.option("--model", help="Name of the model that made the claims (kept with each claim).")
@click.option("--model-version", help="Version of that model.")
@json_flag
def add(queue_file, claims, docs, model, model_version, as_json):
    """Add claim records (.jsonl, .csv or .parquet from extract or score; - for stdin) to QUEUE.

    The same claim twice is one item. A broken line is reported as file:line:
    reason, the rest is added, and the exit code is 1.
    """
    from ..queue.importer import read_claim_files, read_document_files
    if not claims and not docs:
        raise click.UsageError("give CLAIMS files, --docs files, or both")
    with _open(queue_file, create=True) as q:
        result = q.add_rows(read_claim_files(claims), model=model, model_version=model_version)
        stored, doc_errors = q.add_documents(read_document_files(docs)) if docs else (0, [])
    errors = result.errors + doc_errors
    for error in errors:
        click.echo(str(error), err=True)
    if _wants_json(as_json):
        summary = {"added": result.added, "duplicates": result.duplicates, "errors": len(errors)}
        _print_json({**summary, "documents": stored} if docs else summary)
    else:
        click.echo(f"Added {result.added} claims to {queue_file} ({result.duplicates} already there)"
                   + (f"; {stored} documents" if docs else ""))
    if errors:
        raise FactcheckError(f"{len(errors)} line(s) could not be added (listed above); fix them and "
                             "add the file again (claims already added are not added twice)")


@queue.command("add-reviewer", epilog="""\b
Example:
    factcheck queue add-reviewer newsroom.queue alice --role editor""")
@queue_path
@click.argument("name")
@click.option("--role", type=click.Choice(["reviewer", "editor"]), default="reviewer", show_default=True,
              help="Editors may also adjudicate disputed claims.")
def add_reviewer(queue_file, name, role):
    """Register reviewer NAME and print their secret, alone on the last line (shown once)."""
    with _open(queue_file, create=True) as q:
        secret = q.add_reviewer(name, role)
    click.echo(f"Added {role} {name} to {queue_file}. Their secret, shown only this once:")
    click.echo(secret)


@queue.command("reset-secret", epilog="""\b
Example:
    factcheck queue reset-secret newsroom.queue alice""")
@queue_path
@click.argument("name")
def reset_secret(queue_file, name):
    """Give reviewer NAME a new secret and print it, alone on the last line (the old one stops working)."""
    with _open(queue_file) as q:
        secret = q.reset_secret(name)
    click.echo(f"New secret for {name} in {queue_file}, shown only this once:")
    click.echo(secret)


@queue.command("next", epilog="""\b
Example:
    factcheck queue next newsroom.queue --reviewer alice --order uncertainty --pretty
    factcheck queue next newsroom.queue --reviewer alice --order learn""")
@queue_path
@click.option("--reviewer", required=True, help="The reviewer taking the claim.")
@click.option("--order", type=click.Choice(["priority", "uncertainty", "learn"]), default="priority", show_default=True,
              help="priority: most check-worthy and contested first; uncertainty: the model's least certain first; "
                   "learn: the most check-worthy mixed with the claims whose verdict would teach the model most.")
@click.option("--lease-seconds", type=click.IntRange(1), default=900, show_default=True,
              help="How long the claim stays the reviewer's before it goes back to the queue.")
@click.option("--pretty", is_flag=True, help="Indent the JSON (the default at a terminal; one line in a pipe).")
@click.pass_context
def next_(ctx, queue_file, reviewer, order, lease_seconds, pretty):
    """Lease the next claim to a reviewer and print it as JSON (exit code 3 when none is left).

    Other reviewers' verdicts are left out until this reviewer has given theirs."""
    with _open(queue_file) as q:
        claim = q.next_claim(reviewer, order=order, lease_seconds=lease_seconds)
    if claim is None:
        click.echo(f"Nothing left to review in {queue_file} for {reviewer}", err=True)
        ctx.exit(NOTHING_LEFT)
    _print_json(claim, pretty)


def _source_option(value):
    from ..queue.validate import UNSET, parse_span
    return UNSET if value is None else parse_span(value)


@queue.command(epilog="""\b
Examples:
    factcheck queue verdict newsroom.queue 3f9c2e71d0a4b8e6 --reviewer alice --rating mostly-true --reuses 41 --copies
    factcheck queue verdict newsroom.queue 3f9c2e71d0a4b8e6 --reviewer alice --rating false --label sourced --source 120:141 --facet 150:162=1200000000 --evidence https://stats.example.org/2019
    factcheck queue verdict newsroom.queue 3f9c2e71d0a4b8e6 --reviewer alice --not-a-claim""")
@queue_path
@click.argument("claim_id")
@click.option("--reviewer", required=True, help="Who gives the verdict.")
@click.option("--rating", help="A rating on the queue's scale.")
@click.option("--not-a-claim", is_flag=True, help="Nothing a fact-checker would check (instead of a rating; never published).")
@click.option("--label", help="The corrected label (contested, estimated, sourced, unsourced).")
@click.option("--source", metavar="START:END|none", help="The corrected source span (document offsets), or none.")
@click.option("--facet", "facets", multiple=True, metavar="START:END=VALUE",
              help="A corrected figure: one of the claim's facets, at its document offsets; =none: not a figure "
                   "(repeatable).")
@click.option("--note", help="A note kept with the verdict.")
@click.option("--evidence", multiple=True, metavar="URL", help="An http(s) link that settles it (repeatable).")
@click.option("--reuses", type=int, metavar="VERDICT_ID",
              help="Take over an earlier verdict shown as checked before (claim matching): its rating and evidence; "
                   "refused when its figures differ or it is not among the claim's checked-before matches.")
@click.option("--copies", is_flag=True,
              help="Give the claim's copies (its exact words in other documents) the same rating, note and evidence, "
                   "each as a verdict naming this one in reuses.")
@json_flag
def verdict(queue_file, claim_id, reviewer, rating, not_a_claim, label, source, facets, note, evidence, reuses,
            copies, as_json):
    """Record a verdict on a claim, leased or not; a second verdict supersedes the first.

    Give --rating or --not-a-claim. Evidence must be http:// or https:// links."""
    from ..queue.validate import parse_facet
    if reuses is not None:
        if not_a_claim or facets:
            raise click.UsageError("--reuses takes over an earlier verdict's rating; it goes with neither "
                                   "--not-a-claim nor --facet")
    elif bool(rating) == bool(not_a_claim):  # wrong usage (exit 2), worded as every other door words it
        raise click.UsageError("give a rating (--rating RATING) or say it is not a claim (--not-a-claim), not both"
                               if rating else "give a rating (--rating RATING) or say it is not a claim (--not-a-claim)")
    with _open(queue_file) as q:
        if reuses is not None:  # the same check as the web's Reuse: checked before this claim, same figures
            from ..errors import QueueError
            from ..matching.queue_index import find, reuse
            match = find(q, claim_id, reuses)
            if rating and rating != match["verdict"]["rating"]:
                raise QueueError(f"verdict {reuses} rated it {match['verdict']['rating']}, not {rating}; "
                                 "leave out --rating to reuse it, or give your own verdict without --reuses")
            row = reuse(q, claim_id, reviewer, match, label=label, note=note, evidence=evidence,
                        source=_source_option(source), copies=copies)
        else:
            row = q.record_verdict(claim_id, reviewer, rating, not_a_claim=not_a_claim, label=label,
                                   source=_source_option(source), facets=[parse_facet(f) for f in facets],
                                   note=note, evidence=evidence, copies=copies)
        status = q.get_claim(claim_id, reviewer=reviewer)["status"]
        # settled copies and copies this reviewer judged are left alone: name the ones that got it
        copied = [q.verdict(i)["claim_id"] for i in row.get("copies") or ()]
    if _wants_json(as_json):
        _print_json({**row, "status": status})
    else:
        said = "said it is not a claim" if row["not_a_claim"] else f"rated it {row['rating']}"
        click.echo(f"Verdict {row['verdict_id']}: {reviewer} {said} ({claim_id}); the claim is {status}"
                   + (f"; {len(copied)} copies in other documents got it too" if copies else "")
                   + (f": {', '.join(copied)}" if copied else ""))


@queue.command(epilog="""\b
Example:
    factcheck queue adjudicate newsroom.queue 3f9c2e71d0a4b8e6 --editor erin --rating half-true""")
@queue_path
@click.argument("claim_id")
@click.option("--editor", required=True, help="The editor who rules.")
@click.option("--rating", required=True, help="A rating on the queue's scale (required: a ruling has no default).")
@click.option("--label", help="The corrected label.")
@click.option("--note", help="Why (published as the review's body).")
@click.option("--evidence", multiple=True, metavar="URL", help="An http(s) link behind the ruling (repeatable).")
@json_flag
def adjudicate(queue_file, claim_id, editor, rating, label, note, evidence, as_json):
    """Settle a disputed claim with an editor's rating."""
    with _open(queue_file) as q:
        row = q.adjudicate(claim_id, editor, rating, label=label, note=note, evidence=evidence)
    if _wants_json(as_json):
        _print_json(row)
    else:
        click.echo(f"Resolved {claim_id}: {editor} rated it {rating}")


@queue.command(epilog="""\b
Example:
    factcheck queue dispute newsroom.queue 3f9c2e71d0a4b8e6""")
@queue_path
@click.argument("claim_id")
@json_flag
def dispute(queue_file, claim_id, as_json):
    """Show why a claim is disputed, every reviewer's verdict side by side, and any ruling."""
    with _open(queue_file) as q:
        found = q.dispute(claim_id)
    if _wants_json(as_json):
        _print_json(found)
        return
    click.echo(f"{claim_id}: {found['status']}; disputed on: {', '.join(found['reasons']) or 'nothing'}")
    for v in found["verdicts"] + ([found["ruling"]] if found["ruling"] else []):
        said = "not a claim" if v["not_a_claim"] else v["rating"]
        src = v.get("source")
        click.echo(f"  {v['reviewer']:<12} {said:<13} label {v.get('label') or '-':<10} source {src or '-'}"
                   + (" (ruling)" if v is found["ruling"] else ""))
        if v.get("note"):
            click.echo(f"  {'':<12} note: {v['note']}")
        for url in v.get("evidence") or ():
            click.echo(f"  {'':<12} evidence: {url}")


def _stats_text(stats: dict) -> str:
    lines = [f"{stats['claims']} claims, {stats['verdicts']} verdicts", "", "status"]
    lines += [f"  {k:<12} {v:>8}" for k, v in stats["by_status"].items()]
    lines += ["", "model label"] + [f"  {k:<12} {v:>8}" for k, v in sorted(stats["by_label"].items())]
    lines += ["", "reviewer"] + [f"  {k:<12} {v:>8}" for k, v in stats["by_reviewer"].items()]
    settled = stats.get("settled") or {}
    lines += ["", f"settled      {settled.get('claims', 0):>8}  (agreement {settled.get('by_agreement', 0)},"
                  f" ruling {settled.get('by_ruling', 0)}, not a claim {settled.get('not_a_claim', 0)})",
              f"not a claim  {stats.get('not_a_claim', 0):>8}  verdicts"]
    learn = stats.get("for_training") or {}
    lines += [f"verdicts the next retraining would use: {learn.get('verdicts', 0)} "
              f"(on {learn.get('claims', 0)} claims; factcheck train --from-queue)"]
    lines += ["", "agreement (items with two or more reviews)"]
    for what, a in stats["agreement"].items():
        fmt = lambda x: "n/a" if x is None else f"{x:.3f}"
        lines.append(f"  {what:<8} alpha {fmt(a['krippendorff_alpha'])}  kappa {fmt(a['cohen_kappa'])}"
                     f"  on {a['items']} items")
    return "\n".join(lines)


@queue.command(epilog="""\b
Example:
    factcheck queue stats newsroom.queue --json""")
@queue_path
@json_flag
def stats(queue_file, as_json):
    """Items by status and label, verdicts by reviewer, agreement."""
    with _open(queue_file) as q:
        result = q.stats()
    if _wants_json(as_json):
        _print_json(result)
    else:
        click.echo(_stats_text(result))


@queue.command(epilog="""\b
Example:
    factcheck queue backup newsroom.queue backups/newsroom-2024-05-01.queue""")
@queue_path
@click.argument("dest", type=click.Path(dir_okay=False))
def backup(queue_file, dest):
    """Copy QUEUE to DEST with SQLite's online backup, safe while reviewers work (DEST's folder is created)."""
    with _open(queue_file) as q:
        q.backup(dest)
    click.echo(f"Backed up {queue_file} to {dest}")


@queue.command("import", epilog="""\b
Example:
    factcheck queue import newsroom.queue ../shared/data/verdicts/liar/train.tsv
    factcheck queue import newsroom.queue old.csv --rating-column verdict --map pants-fire=false""")
@queue_path
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "liar"]),
              help="Default: by the file's suffix (.tsv is LIAR).")
@click.option("--rating-column", default="rating", show_default=True, help="The column holding the rating.")
@click.option("--map", "pairs", multiple=True, metavar="FROM=TO",
              help="Map a rating of the file onto the queue's scale (repeatable, or a JSON file). "
                   "LIAR files map PolitiFact's six steps by default.")
@click.option("--reviewer", default="import", show_default=True,
              help="Who the verdicts are from, where the file has no 'reviewer' column.")
@json_flag
def import_(queue_file, file, fmt, rating_column, pairs, reviewer, as_json):
    """Import claims with their ratings (CSV/JSONL/Parquet with text and rating, or LIAR).

    Columns read: text and the rating (required); id or claim_id (kept as the
    claim's doc_id); note; reviewer; corrected_label; the evidence links from
    evidence, url, urls, evidence_url, review_url or link (http(s) only). Other
    columns stay with the claim.
    """
    from ..queue.importer import import_rows, parse_mapping_or_default, verdict_rows
    fmt = fmt or ("liar" if file.lower().endswith(".tsv") else None)
    mapping = parse_mapping_or_default(pairs, fmt or "")
    with _open(queue_file, create=True) as q:
        rows = verdict_rows(import_rows(file, fmt), rating_column=rating_column, mapping=mapping,
                            reviewer=reviewer, scale=q.scale)
        result = q.import_verdicts(rows)
    for error in result.errors:
        click.echo(str(error), err=True)
    summary = {"added": result.added, "duplicates": result.duplicates, "verdicts": result.verdicts,
               "errors": len(result.errors)}
    if _wants_json(as_json):
        _print_json(summary)
    else:
        click.echo(f"Imported {result.verdicts} verdicts on {result.added} new claims "
                   f"({result.duplicates} claims already there)")
    if result.errors:
        raise FactcheckError(f"{len(result.errors)} row(s) could not be imported (listed above); "
                             "the rest was imported")
