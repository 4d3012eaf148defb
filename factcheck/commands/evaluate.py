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
@click.option("--floor", type=click.Path(exists=True, dir_okay=False),
              help="A JSON file of minimum figures; exit 1 if any figure falls below (the CI quality ratchet).")
@click.option("--floor-key", default=None, help="Which entry of the --floor file applies (default: the GOLD folder's name).")
def evaluate(docs, gold, model, predictions, as_json, floor, floor_key):
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
    if floor:
        from pathlib import Path
        from ..errors import FactcheckError
        from ..evaluate import below_floor

        key = floor_key or Path(gold).resolve().parent.name
        floors = json.loads(Path(floor).read_text(encoding="utf-8"))
        if key not in floors:
            raise FactcheckError(f"{floor} has no entry {key!r}; pass --floor-key (entries: {', '.join(floors)})")
        failures = below_floor(result, floors[key])
        if failures:
            raise FactcheckError(f"below the quality floor for {key}: " + "; ".join(failures))
        click.echo(f"quality floor for {key}: all {len(floors[key])} figures met", err=True)
