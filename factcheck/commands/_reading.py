"""Options shared by the commands that read documents (``extract``, ``score``): how to read them."""
from __future__ import annotations

import click


def reading_options(f):
    """Add --encoding, --published-from, --transcript and --verbose to a command."""
    options = [
        click.option("--encoding", metavar="NAME",
                     help="Text encoding of the inputs (e.g. cp1252). Default: UTF-8, else detected; "
                          "text that does not decode is refused, never read damaged."),
        click.option("--published-from", "published_from", metavar="name|mtime|FILE.csv",
                     help="Per-file dates: a date in the file name, the file's mtime, or a CSV "
                          "(columns file,published). Front matter 'published:' and a row's own date come first."),
        click.option("--transcript", is_flag=True,
                     help="Read inputs as transcripts ('SPEAKER: text' lines; .transcript files always are): "
                          "the speaker becomes the source. On '-', claims come turn by turn."),
        click.option("-v", "--verbose", is_flag=True, help="Name the files in folders that were skipped."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def parse_published(published):
    """Return the date of --published (None when not given); a bad one is a usage error."""
    from ..types import parse_date

    try:
        return parse_date(published)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None


def prepare_reading(inputs, published, published_from, encoding, transcript, verbose):
    """Return (the publication date of --published, the ReadOptions of the flags) once the
    flags are checked (a bad one is a usage error) and the skipped files reported."""
    pub = parse_published(published)
    options = read_options(pub, published_from, encoding, transcript)
    report_skipped(inputs, verbose)
    return pub, options


def read_options(published, published_from, encoding, transcript):
    """Return the ReadOptions of a command's flags; a bad flag is a usage error."""
    from ..errors import InputError
    from ..io import ReadOptions

    try:
        options = ReadOptions(published=published, published_from=published_from, encoding=encoding,
                              transcript=transcript)
        dates = options.dates()  # a dates table that cannot be read stops the command before any work
        for _, name in getattr(dates, "missing", ()):
            click.echo(f"Warning: {published_from}: no file {name} (read from here and from the table's folder); "
                       "its date is not used", err=True)
        return options
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="--encoding" if encoding and "encoding" in str(exc)
                                 else "--published-from") from None


def report_skipped(inputs, verbose: bool) -> None:
    """Say on stderr how many files in the input folders were not read (and which, verbose)."""
    from ..io import STDIN, skipped_files

    skipped = skipped_files([i for i in inputs if i != STDIN])
    if not skipped:
        return
    if verbose:
        for path in skipped:
            click.echo(f"skipped {path}: not a .txt, .md, .html, .docx, .odt, .transcript, .jsonl, .csv or .parquet file, or hidden",
                       err=True)
    else:
        click.echo(f"skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} in the folders "
                   "(other kinds or hidden; --verbose names them)", err=True)
