"""``factcheck extract``: the claims of documents, as a table, JSON Lines or CSV."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import click

from ..figures import format_facets
from ._output import default_format, open_output, write_csv, write_table
from ._reading import prepare_reading, reading_options

COLUMNS = [("score", "score", 5), ("label", "label", 28), ("text", "claim", 90), ("facets", "facets", 40)]


class _NothingRead(Exception):
    """No input held a document (each was refused, or empty): OUT is not replaced."""


class Workers(click.ParamType):
    """A number of worker processes (1 or more), or ``auto``."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if isinstance(value, int) or str(value).strip().lower() == "auto":
            return value if isinstance(value, int) else "auto"
        try:
            n = int(value)
        except ValueError:
            self.fail(f"{value!r} is neither a number nor 'auto'", param, ctx)
        if n < 1:
            self.fail(f"{n} is not at least 1", param, ctx)
        return n


def _table_row(claim) -> dict:
    label = claim.label + (f" ({claim.source.text})" if claim.source else "")
    return {"score": f"{claim.checkworthiness:.2f}", "label": label, "text": claim.text,
            "facets": format_facets(claim.facets)}


def _output_format(output: str, fmt: str | None) -> str | None:
    """Return the format to write OUT in: --format, else what OUT's suffix says (None: decided
    later, for standard output). A suffix that says another format than --format, or that says
    none, is a usage error: the file would not hold what its name promises."""
    from ..io import CLAIM_FILE_FORMATS  # what score writes by OUT's suffix

    if output == "-":
        return fmt
    suffix = os.path.splitext(output)[1].lower()
    said = CLAIM_FILE_FORMATS.get(suffix)
    if fmt is None:
        if said is None:
            raise click.BadParameter(f"cannot tell the format from {output!r}; end it with .jsonl, .csv or "
                                     ".parquet, or give --format", param_hint="-o")
        return said
    if said is not None and said != fmt:
        raise click.BadParameter(f"{output!r} names a .{suffix.lstrip('.')} file but --format is {fmt}; "
                                 "make them agree (-o x.parquet needs no --format)", param_hint="-o")
    return fmt


@click.command(epilog="""\b
Examples:
    factcheck extract examples/article.txt --published 2019-06-27
    factcheck extract articles.jsonl --all --format jsonl -o claims.jsonl
    factcheck extract archive/ --published-from name -o claims.parquet
    factcheck extract archive/ --all --workers 2 -o claims.jsonl
    cat article.txt | factcheck extract - --published 2024-05-01
    tail -f debate.txt | factcheck extract - --transcript""")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for inputs that carry none (resolves 'last May').")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None,
              help="Output format. Default: a table on a terminal, jsonl when piped, and with -o what "
                   "OUT's suffix says (.jsonl, .csv, .parquet).")
@click.option("--all", "all_sentences", is_flag=True, help="Also emit sentences below the threshold.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Check-worthiness at which a sentence counts as a claim.")
@click.option("--model", default="fast", show_default=True, metavar="NAME|DIR",
              help="A shipped model (fast, accurate) or a directory written by 'factcheck train'.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of standard output (.parquet: nested Parquet columns).")
@click.option("--workers", type=Workers(), default="auto", show_default=True, metavar="N|auto",
              help="Processes that score documents; claims come out in the same order. auto: 2 on 2 cores "
                   "or more, but 1 for standard input, one text file, inputs under 256 kB or a torch "
                   "model (accurate). A live transcript on '-' always runs in one.")
@reading_options
def extract(inputs, published, fmt, all_sentences, threshold, model, output, workers, encoding, published_from,
            transcript, verbose):
    """Find the checkable claims in documents.

    INPUT is a .txt, .md, .html, .docx or .odt file (one document; Markdown,
    HTML and Word are read as the prose they show: no marks, tags, scripts or menus;
    an HTML page's own publication date is used), a .transcript file (a debate:
    'SPEAKER: text' lines), a .jsonl/.json/.csv/.parquet table with a 'text' column
    (and optional 'doc_id' or 'id', 'published'; a .json file may be one JSON array
    of rows, a .csv may use commas, semicolons or tabs), a folder of those, a
    Hugging Face dataset folder (save_to_disk), or '-' for standard input. A file
    that is not text (binary, or not decodable) or is empty is refused as a
    whole; a broken row is reported with its file and line; the rest is
    processed, and the exit code is 1 (as when no input holds a document).
    """
    from ..batch import read_rows
    from ..errors import FactcheckError
    from ..io import STDIN, atomic_writer, written_input
    from ..parallel import auto_workers, claim_json, extract_parallel
    from ..pipeline import Extractor
    from ..transcript import looks_like_transcript
    from ..types import Claim

    if not inputs:
        raise click.UsageError("name at least one INPUT (a file, a folder, or - for standard input)")
    fmt = _output_format(output, fmt)
    pub, options = prepare_reading(inputs, published, published_from, encoding, transcript, verbose)
    if output != "-":
        if written_input(inputs, [output]) is not None:
            raise click.UsageError(f"{output} is both an INPUT and OUT; write the claims to another file")
        options = dataclasses.replace(options, exclude=(output,))  # OUT in a folder read is not read
    extractor = Extractor(model, threshold=threshold, all_sentences=all_sentences)
    errors: list = []

    hinted: list = []
    read: list = []  # the documents read (their paths)

    def documents():
        # score's reader: a Hugging Face dataset folder is read as its rows, not as its JSON files
        for item in read_rows(inputs, options=options):
            if item.error is not None:
                errors.append(item.input_error())
                click.echo(f"Error: {errors[-1]}", err=True)
            else:
                if not hinted and not item.doc.transcript and looks_like_transcript(item.doc.text):
                    hinted.append(item.path)
                    click.echo(f"Note: {item.path} looks like a transcript ('SPEAKER: text' lines); add --transcript "
                               "to make each speaker the source of their claims", err=True)
                read.append(item.path)
                yield item.doc

    live = transcript and STDIN in inputs  # a live debate: claims turn by turn, as they come
    if live:
        workers = 1
    elif workers == "auto":
        workers = auto_workers(inputs, model=extractor.model)

    def records(encode):
        """The claims, each through ``encode``, in input order (on ``workers`` processes)."""
        if workers > 1:
            return extract_parallel(extractor, documents(), workers=workers, encode=encode)
        claims = extractor.extract_many(documents(), batch_sentences=1 if live else None)
        return claims if encode is None else map(encode, claims)

    if fmt == "parquet":
        from ..batch import ClaimSink

        sink = ClaimSink(output)
        try:
            sink.write_json_lines(records(claim_json))
        except BaseException:
            sink.abort()
            raise
        sink.commit()
    else:
        # a file is written beside OUT and moved onto it at the end (a live debate is written as it
        # comes): a run that fails, or reads nothing, leaves an earlier OUT as it was
        atomic = output != "-" and not live
        if atomic:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
        # (standard output is kept open by open_output's file when the block ends)
        writer = atomic_writer(output, "w", encoding="utf-8") if atomic else open_output(output)
        try:
            with writer as out:
                fmt = fmt or (default_format(out) if output == "-" and not live else "jsonl")
                if fmt == "table":
                    rows = [_table_row(c) for c in records(None)]
                    write_table(rows, COLUMNS, out)
                    out.flush()
                    click.echo(f"{len(rows)} claim{'s' if len(rows) != 1 else ''}", err=True)
                elif fmt == "csv":
                    write_csv(records(Claim.to_dict), out)
                else:
                    for line in records(claim_json):
                        out.write(line + "\n")
                        if live:
                            out.flush()
                if atomic and not read:
                    raise _NothingRead
        except _NothingRead:
            click.echo(f"Note: nothing could be read; {output} was left as it was", err=True)
    if len(errors) == 1:  # its own line above already names the file and the reason
        raise click.exceptions.Exit(1)
    if errors:
        raise FactcheckError(f"{len(errors)} input rows or files could not be read "
                             "(see above); the rest was processed")
    if not read:  # an empty table (or an empty live transcript) holds no document: as in score
        raise FactcheckError(f"no document in {', '.join(inputs)}: the input is empty")
