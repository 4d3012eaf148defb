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
    options = read_options(pub, published_from, encoding, transcript, inputs)
    report_skipped(inputs, verbose)
    return pub, options


def read_options(published, published_from, encoding, transcript, inputs=()):
    """Return the ReadOptions of a command's flags; a bad flag is a usage error. A row of a
    --published-from table that no file of ``inputs`` can take its date from is warned about."""
    from ..errors import InputError
    from ..io import ReadOptions

    try:
        options = ReadOptions(published=published, published_from=published_from, encoding=encoding,
                              transcript=transcript)
        dates = options.dates()  # a dates table that cannot be read stops the command before any work
        for _, name in _unmatched_dates(dates, inputs):
            click.echo(f"Warning: {published_from}: no file {name} (none read has that path or name, and none "
                       "is found from here or from the table's folder); its date is not used", err=True)
        return options
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="--encoding" if encoding and "encoding" in str(exc)
                                 else "--published-from") from None


def _unmatched_dates(dates, inputs) -> list[tuple[int, str]]:
    """Return the rows of a --published-from table that no file of ``inputs`` can take its date from."""
    from ..errors import InputError
    from ..io import walk_inputs

    if not getattr(dates, "missing", None):  # name, mtime, or a table whose every file exists
        return []
    try:
        files = walk_inputs(inputs)
    except InputError:  # a missing input is reported when it is read; every row without a file is warned
        files = []
    return dates.unmatched(files)


def report_skipped(inputs, verbose: bool) -> None:
    """Say on stderr how many files in the input folders were not read (and which, verbose)."""
    from ..batch import is_dataset_dict, is_hf_dataset
    from ..io import DOC_KINDS, STDIN, skipped_files

    # a Hugging Face dataset folder (or a DatasetDict's) is read whole, .arrow files and all
    folders = [i for i in inputs
               if i != STDIN and not is_hf_dataset(i) and not is_dataset_dict(i)]
    skipped = skipped_files(folders)
    if not skipped:
        return
    if verbose:
        for path in skipped:
            click.echo(f"skipped {path}: not a {DOC_KINDS} file, or hidden", err=True)
    else:
        click.echo(f"skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} in the folders "
                   "(other kinds or hidden; --verbose names them)", err=True)
