"""``factcheck export``: the verdicts of a reviewer queue as a data set or as ClaimReview."""
from __future__ import annotations

import click

from ..export import FORMATS


@click.command(epilog="""\b
Examples:
    factcheck export newsroom.queue --format parquet -o verdicts.parquet
    factcheck export newsroom.queue --format hf -o verdicts-hf --since 2024-05-01
    factcheck export newsroom.queue --format claimreview -o reviews.json --org-name "Example Checks" --org-url https://checks.example.org --docs articles.jsonl""")
@click.argument("queue", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="jsonl, csv, parquet; hf: a datasets folder with a card (every verdict, with a settled "
                   "column); claimreview: schema.org JSON of settled claims only.")
@click.option("-o", "--output", required=True, type=click.Path(), help="File (or folder, for hf) to write; '-' is standard output (jsonl, csv, claimreview). A link is "
                   "written through to its target.")
@click.option("--org-name", metavar="NAME", help="claimreview: the organisation publishing the reviews.")
@click.option("--org-url", metavar="URL", help="claimreview: its URL; each review's url is URL/claims/CLAIM_ID.")
@click.option("--since", metavar="TIME",
              help="Only verdicts recorded after TIME (ISO 8601), for incremental exports. To merge increments, "
                   "add --history: each then carries the verdicts that supersede or undo earlier rows "
                   "('supersedes', 'current'), and a row's 'settled' is as of its export.")
@click.option("--history", is_flag=True,
              help="jsonl, csv, parquet: every verdict ever recorded (a reviewer's earlier verdict that a later "
                   "one superseded, undone ones), with 'supersedes' and 'current' columns; by default only "
                   "the verdicts that stand.")
@click.option("--docs", "docs", multiple=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="claimreview: the documents table(s) the claims came from (doc_id, published, url), "
                   "for each claim's datePublished and appearance URL.")
def export(queue, fmt, output, org_name, org_url, since, history, docs):
    """Export the verdicts of QUEUE: one row per verdict with the claim, rating,
    corrected label, source and figures, not-a-claim, note, evidence, reviewer,
    time, whether the claim is settled, and the model's label and scores at
    review time. A reviewer's second verdict on a claim supersedes the first:
    the export holds the verdicts that stand, and --history every one. ClaimReview publishes settled claims only (an editor's ruling or
    the agreed rating), never one settled as not a claim. The file is written
    whole or not at all.
    """
    from ..export import document_index, export_queue

    if org_url:
        from ..queue.validate import check_url
        from ..errors import ValidationError
        try:
            org_url = check_url(org_url)
        except ValidationError:
            raise click.BadParameter(f"{org_url!r} is not an http:// or https:// URL", param_hint="--org-url") from None
    documents = document_index(docs) if docs else None
    result = export_queue(queue, output, fmt=fmt, org_name=org_name, org_url=org_url, since=since,
                          documents=documents, history=history)
    click.echo(result.format_line(), err=output == "-")  # on '-', standard output is the data
