"""``factcheck score``: batch scoring of large inputs, with progress, resume and an errors file."""
from __future__ import annotations

import click

from ._reading import prepare_reading, reading_options


@click.command(epilog="""\b
Examples:
    factcheck score archive/*.jsonl -o claims.parquet --workers 2
    factcheck score archive/ -o claims.jsonl --resume          # after a crash or kill
    factcheck score archive/ -o claims.parquet --published-from name --encoding cp1252
    factcheck score docs.parquet -o claims.parquet --engine dask --scheduler tcp://10.0.0.5:8786""")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Where the claims go: .jsonl, .csv or .parquet (by its suffix).")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Processes scoring at once, each loading the model once.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: processes on this machine; dask: a Dask cluster (pip install 'factcheck[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786); default: a local cluster.")
@click.option("--resume", is_flag=True, help="Continue an interrupted run of the same command.")
@click.option("--model", default="fast", show_default=True, metavar="NAME|DIR",
              help="A shipped model (fast, accurate) or a directory written by 'factcheck train'.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for inputs that carry none.")
@click.option("--all", "all_sentences", is_flag=True, help="Also emit sentences below the threshold.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Check-worthiness at which a sentence counts as a claim.")
@click.option("--chunk-size", type=click.IntRange(1), default=64, show_default=True,
              help="Rows per chunk: the unit of work and of resuming.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
@reading_options
def score(inputs, output, workers, engine, scheduler, resume, model, published, all_sentences, threshold,
          chunk_size, progress, encoding, published_from, transcript, verbose):
    """Score large inputs into one claims file, surviving crashes and bad rows.

    INPUT is a .txt, .md, .html, .docx or .odt file, a .jsonl/.json/.csv/.parquet table with a 'text' column,
    a folder of those, a Hugging Face dataset folder (save_to_disk) or '-'.
    Bad rows go to OUT.errors.jsonl (file, line, reason) and scoring goes on.
    A file that is not text (binary, or not decodable) or is empty is refused as a whole:
    one row in OUT.errors.jsonl with "line": null. Exit code: 0 when the run
    finishes, even with bad rows (the summary counts them); 1 when any whole
    input file was refused (the rest is still scored) or no row at all could
    be read (an empty input too). After any interruption, --resume finishes the run so that OUT equals an
    uninterrupted run's, row for row.
    """
    from ..batch import score_files
    from ..errors import FactcheckError

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    pub, options = prepare_reading(inputs, published, published_from, encoding, transcript, verbose)
    summary = score_files(inputs, output, model=model, workers=workers, engine=engine, scheduler=scheduler,
                          resume=resume, published=pub, all_sentences=all_sentences, threshold=threshold,
                          chunk_docs=chunk_size, progress=progress, encoding=options.encoding,
                          published_from=options.published_from, transcript=options.transcript)
    click.echo(summary.format())
    if summary.documents == 0 and summary.errors == 1:  # one empty or refused input: say which, and why
        raise FactcheckError(summary.first_error)
    if summary.documents == 0 and summary.errors:
        raise FactcheckError(f"none of the {summary.errors} input rows could be read; see {summary.errors_file}")
    if summary.documents == 0:
        raise FactcheckError(f"no document in {', '.join(inputs)}: the input is empty")
    if summary.refused:
        raise FactcheckError(f"{summary.refused} input file{'s were' if summary.refused != 1 else ' was'} refused "
                             f"(not text, or empty); see {summary.errors_file}; the rest was scored")
