"""The ``factcheck`` command: a thin click layer over the library.

Commands live in ``factcheck/commands/``, one module each, and are imported only when they are
run, so ``factcheck --help`` stays fast. Library errors become ``Error: ...`` and exit code 1.
"""
from __future__ import annotations

import importlib
import sys

import click

from .errors import FactcheckError

# command name -> (module, attribute, one-line help shown by `factcheck --help`)
COMMANDS = {
    "extract": ("factcheck.commands.extract", "extract", "Find the checkable claims in documents."),
    "evaluate": ("factcheck.commands.evaluate", "evaluate", "Score extraction and labels against gold sentences."),
    "train": ("factcheck.commands.train", "train", "Rebuild a model from labelled data."),
    "score": ("factcheck.commands.score", "score", "Score large inputs in batch, with progress and resume."),
    "queue": ("factcheck.commands.queue", "queue", "Manage the reviewer queue file."),
    "review": ("factcheck.commands.review", "review", "Review claims in the terminal."),
    "serve": ("factcheck.commands.serve", "serve", "Serve the reviewer web page over a queue."),
    "export": ("factcheck.commands.export", "export", "Export the verdicts of a queue as a data set."),
    "report": ("factcheck.commands.report", "report", "Write an HTML report of a batch or a queue."),
    "match": ("factcheck.commands.match", "match", "Match claims against claims already checked."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        try:
            return getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("factcheck.commands"):
                return None
            raise

    def format_commands(self, ctx, formatter):
        rows = [(name, help_) for name, (_, _, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FactcheckError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def main():
    """Find the checkable claims in news articles, label how each is attributed, and review them.

    \b
    Example:
        factcheck extract examples/article.txt --published 2019-06-27
    """


def run() -> None:  # pragma: no cover - used by python -m factcheck
    main(prog_name="factcheck")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
