"""``factcheck evaluate``: run extraction on documents and score it against gold sentences."""
from __future__ import annotations

import json

import click


@click.command(epilog="""\b
Examples:
    factcheck evaluate ../shared/data/news-dev/docs.jsonl ../shared/data/news-dev/gold.jsonl
    factcheck evaluate docs.jsonl gold.jsonl --model accurate --json
    factcheck evaluate docs.jsonl gold.jsonl --predictions claims.jsonl""")
@click.argument("docs", type=click.Path(exists=True, dir_okay=True))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--model", default="fast", show_default=True, metavar="NAME|DIR", help="Model to evaluate.")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False),
              help="Score these claim records (jsonl) instead of running extraction.")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as one JSON object.")
def evaluate(docs, gold, model, predictions, as_json):
    """Score claims, labels, sources and facets against GOLD sentences.

    Runs 'extract --all' with MODEL on DOCS (or reads --predictions) and
    prints check-worthiness AP and F1, per-label P/R/F1, macro-F1, primary
    accuracy with its confusion, source hit rate and facet F1.
    """
    from ..evaluate import format_report, score_records
    from ..io import read_documents, read_records
    from ..pipeline import Extractor

    gold_rows = list(read_records(gold))
    if predictions:
        pred = list(read_records(predictions))
    else:
        extractor = Extractor(model, all_sentences=True)
        pred = [c.to_dict() for c in extractor.extract_many(read_documents([docs]))]
    result = score_records(gold_rows, pred)
    click.echo(json.dumps(result, indent=2) if as_json else format_report(result))
