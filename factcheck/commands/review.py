"""``factcheck review``: the terminal review screen over a queue file."""
from __future__ import annotations

import click


@click.command(epilog="""\b
Keys: 1-9 rate, x not a claim, n note, e evidence URLs, l then c/e/s/u the
corrected label, s skip, u undo (what you typed comes back), q quit. In the
note and evidence boxes Enter adds a line and Ctrl+S keeps the text.

\b
Example:
    factcheck review newsroom.queue --reviewer alice""")
@click.argument("queue_file", metavar="QUEUE", type=click.Path(dir_okay=False))
@click.option("--reviewer", required=True, help="Who is reviewing (registered with queue add-reviewer).")
@click.option("--order", type=click.Choice(["priority", "uncertainty"]), default="priority", show_default=True,
              help="priority: most check-worthy and contested first; uncertainty: the model's least certain first.")
def review(queue_file, reviewer, order):
    """Review claims in the terminal: each in its context, one key per rating."""
    from ..queue import Queue
    from ..queue.review import run_review

    with Queue(queue_file, create=False) as q:
        session = run_review(q, reviewer, order=order)
    click.echo(f"{session.reviewed} verdict(s) recorded by {reviewer} in {queue_file}")
