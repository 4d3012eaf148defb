"""``factcheck report``: a self-contained HTML report of a scored batch and/or a queue."""
from __future__ import annotations

import click


@click.command(epilog="""\b
Examples:
    factcheck report report.html --claims claims.parquet --queue newsroom.queue
    factcheck report claims.jsonl            # writes claims.jsonl.html next to it
    factcheck report queue.html --queue newsroom.queue --top 50
    factcheck report adapt.html --adapt-curve bench/adapt_curve.json""")
@click.argument("out", metavar="OUT")
@click.option("--claims", "claims", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A claims file from 'score' or 'extract' (.jsonl, .csv, .parquet); repeatable.")
@click.option("--queue", type=click.Path(exists=True, dir_okay=False), help="A reviewer queue file.")
@click.option("--adapt-curve", type=click.Path(exists=True, dir_okay=False),
              help="A learning-curve JSON from scripts/bench_adapt.py, drawn as line charts.")
@click.option("--title", help="The page's title.")
@click.option("--top", type=click.IntRange(1), default=25, show_default=True, help="How many top claims to list.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Marked on the check-worthiness chart.")
def report(out, claims, queue, adapt_curve, title, top, threshold):
    """Write OUT, one HTML page (no script, nothing fetched) with charts of
    claims by label and facet kind, the check-worthiness distribution, the top
    claims to check, and reviewer progress and agreement. A row of a claims file
    that cannot be read, or is no claim record, is named on stderr with its file
    and line, counted on the page, and the exit code is 1.
    """
    from ..report import report_target, write_report

    target, files = report_target(out, list(claims))
    refused: list = []
    path = write_report(target, claims=files, queue=queue, title=title, top=top, threshold=threshold,
                        adapt_curve=adapt_curve, errors=refused)
    for error in refused:
        click.echo(f"skipped {error}", err=True)
    click.echo(f"wrote {path}")
    if refused:
        raise click.exceptions.Exit(1)
