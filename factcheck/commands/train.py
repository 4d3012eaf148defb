"""``factcheck train``: rebuild a model from the labelled data."""
from __future__ import annotations

import click


@click.command(epilog="""\b
Examples:
    factcheck train -o models/fast                       # rebuild the shipped fast model
    factcheck train --tier accurate -o models/accurate   # needs factcheck[embeddings]
    factcheck train --backend transformers --base-model ./my-bert -o my-model
    factcheck extract article.txt --model my-model
    factcheck train --from-queue newsroom.db --base fast -o newsroom-model""")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False), help="Directory to write the model to.")
@click.option("--tier", type=click.Choice(["fast", "accurate"]), default="fast", show_default=True,
              help="fast: sparse and cue features, no torch; accurate: sentence embeddings.")
@click.option("--backend", type=click.Choice(["sklearn", "transformers"]), default="sklearn", show_default=True,
              help="transformers: fine-tune a local Hugging Face encoder (--base-model) for the labels.")
@click.option("--base-model", type=click.Path(exists=True, file_okay=False), help="Local Hugging Face model directory.")
@click.option("--data", type=click.Path(exists=True, file_okay=False), help="The shared data folder (default ../shared/data).")
@click.option("--own-data", type=click.Path(exists=True, file_okay=False), help="The project's own labelled data (default datasets/attribution).")
@click.option("--from-queue", "queues", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Adapt --base to the verdicts of this queue file (repeatable) instead of training from data.")
@click.option("--base", default="fast", show_default=True,
              help="With --from-queue: the model to adapt (fast, accurate or a model directory).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--epochs", type=int, default=2, show_default=True, help="transformers backend only.")
@click.option("--limit", type=int, default=None, help="transformers backend only: train on the first N examples.")
def train(output, tier, backend, base_model, data, own_data, queues, base, seed, epochs, limit):
    """Rebuild a model from labelled data, with fixed seeds; or, with --from-queue, adapt a
    model to a newsroom's own verdicts.

    Writes a directory that 'factcheck extract --model DIR' loads.
    """
    if queues:
        from ..adapt import adapt_from_queues
        from ._output import progress_printer
        click.echo(f"wrote {adapt_from_queues(queues, output, base=base, progress=progress_printer())}")
        return
    from ..train import train_tier, train_transformers

    if backend == "transformers":
        if not base_model:
            raise click.UsageError("--backend transformers needs --base-model DIR (a local Hugging Face model)")
        out = train_transformers(output, base_model=base_model, data=data, own_data=own_data, seed=seed,
                                 epochs=epochs, limit=limit)
    else:
        out = train_tier(output, tier=tier, data=data, own_data=own_data, seed=seed)
    click.echo(f"wrote {out}")
