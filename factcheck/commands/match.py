"""``factcheck match``: each query against the claims already checked."""
from __future__ import annotations

import click

from ._output import open_output, write_jsonl


def _named(query, result: dict) -> dict:
    """Return a query's result line, naming the query when it was found in an article: its
    ``text``, ``doc_id``, ``start`` and ``end`` follow ``id`` (a claim id the reader has nowhere
    else); a query from a file of claims keeps the line ``{"id", "matches"}``, its id being the file's."""
    if query.span is None:
        return result
    start, end, text = query.span
    return {"id": result["id"], "text": text, "doc_id": query.doc_id, "start": start, "end": end,
            **{k: v for k, v in result.items() if k != "id"}}


@click.command(epilog="""\b
Examples:
    factcheck match new-claims.jsonl --against checked.jsonl --top 3
    factcheck match claims.jsonl --against newsroom.queue reviews.json --model accurate -o matches.jsonl
    factcheck match claims.jsonl --against claims.jsonl --conflicts    # figures that disagree
    factcheck match article.txt --against newsroom.queue --min-score 0.5   # an article's claims, checked before?""")
@click.argument("queries", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--against", "sources", multiple=True, required=True, metavar="SOURCE",
              help="Claims already checked: JSON Lines, TSV (id, text[, title]), ClaimReview JSON, a queue "
                   "file, or an article (its check-worthy claims). Repeat for several; the arguments after it "
                   "are sources too.")
@click.argument("more_sources", nargs=-1, type=click.Path(dir_okay=False), metavar="[SOURCE]...")
@click.option("--top", type=click.IntRange(1, 1000), default=5, show_default=True, help="Matches per query.")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Leave out matches scoring below this (0.5: only what the model takes for the same claim).")
@click.option("--model", type=click.Choice(["fast", "accurate"]), default="fast", show_default=True,
              help="fast: BM25 and figures, no torch; accurate: adds the MiniLM encoder (factcheck[embeddings]).")
@click.option("--conflicts", is_flag=True,
              help="Instead: list pairs from different documents that say the same thing with different figures.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), default=None,
              help="Folder for what is worked out once per set of sources: the index of 2,000 or more claims "
                   "(both tiers) and their embeddings (accurate) (default $FACTCHECK_CACHE or "
                   "~/.cache/factcheck/match).")
@click.option("--published", metavar="YYYY-MM-DD", default=None,
              help="Publication date of article inputs (.txt, .md, .html, .docx, .odt), for their relative dates.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of standard output.")
def match(queries, sources, more_sources, top, min_score, model, conflicts, cache_dir, published, output):
    """For each claim in QUERIES, the claims already checked that say the same
    thing, best first. QUERIES is a claims file like a SOURCE, or an article
    (.txt, .md, .html, .docx, .odt, .transcript): its check-worthy claims, as extract finds them,
    are the queries, and each line names its claim (text, doc_id, start, end).
    One JSON line per query, in input order, with each
    match's id, score, whether the figures agree (same / different / none)
    and the verdict given on it. A verdict on different figures is marked
    "stands": false. A bad row is reported with its file and line, the rest
    is matched, and the exit code is 1.
    """
    from ..errors import FactcheckError
    from ..matching.conflicts import find_conflicts
    from ..matching.matcher import Matcher
    from ..matching.sources import read_all
    from ._reading import parse_published

    pub = parse_published(published)
    errors: list = []
    checked = read_all(list(sources) + list(more_sources), errors, published=pub)
    asked = read_all([queries], errors, published=pub)
    for e in errors:
        click.echo(f"Error: {e}", err=True)
    if not checked:
        raise FactcheckError("no claim to match against: every SOURCE was empty or unreadable (see above)")
    if asked:
        matcher = Matcher(checked, model=model, cache_dir=cache_dir)
        if conflicts:
            rows = find_conflicts(asked, matcher, top=top, min_score=min_score)
        else:
            rows = map(_named, asked, matcher.match(asked, top=top, min_score=min_score))
        with open_output(output) as out:
            write_jsonl(rows, out)
    if errors:
        raise FactcheckError(f"{len(errors)} input row{'s' if len(errors) != 1 else ''} or file"
                             f"{'s' if len(errors) != 1 else ''} could not be read (see above); the rest was matched")
