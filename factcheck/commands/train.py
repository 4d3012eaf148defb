"""``factcheck train``: rebuild a model from the labelled data."""
from __future__ import annotations

import click


@click.command(epilog="""\b
Examples:
    factcheck train -o models/fast                       # rebuild the shipped fast model
    factcheck train --tier accurate -o models/accurate   # needs factcheck[embeddings,transformers]
    factcheck train --tier finetuned --limit 200 -o /tmp/ft   # a quick fine-tuning check
    factcheck train --backend transformers --base-model ./my-bert -o my-model
    factcheck train --task matching --tier accurate -o models/accurate/matching
    factcheck train --task static-vectors -o models/fast/matching   # then --task matching --tier fast
    factcheck extract article.txt --model my-model
    factcheck train --from-queue newsroom.queue --base fast -o newsroom-model
    factcheck train --from-queue newsroom.queue --base newsroom-model -o newsroom-model   # next month""")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Directory to write the model to. With --from-queue: a new or empty folder, or a model an "
                   "earlier --from-queue wrote (replaced whole); never the shipped models folder.")
@click.option("--tier", type=click.Choice(["fast", "accurate", "finetuned"]), default="fast", show_default=True,
              help="fast: sparse and cue features, no torch; accurate: fine-tuned MiniLM check-worthiness and "
                   "the fast attribution model retrained; finetuned: only the fine-tuned check-worthiness (fast attribution).")
@click.option("--backend", type=click.Choice(["sklearn", "transformers"]), default="sklearn", show_default=True,
              help="transformers: fine-tune a local Hugging Face encoder (--base-model) for the labels.")
@click.option("--base-model", type=click.Path(exists=True, file_okay=False),
              help="Local Hugging Face model directory (accurate/finetuned: instead of the pinned MiniLM).")
@click.option("--data", type=click.Path(exists=True, file_okay=False), help="The shared data folder (default ../shared/data).")
@click.option("--own-data", type=click.Path(exists=True, file_okay=False), help="The project's own labelled data (default datasets/attribution).")
@click.option("--task", type=click.Choice(["extract", "matching", "static-vectors"]), default="extract", show_default=True,
              help="matching: the claim-matching re-ranker of --tier, from CT20 (../shared/data/claim-matching); "
                   "the accurate tier can fine-tune its encoder first (--finetune-encoder, --base-model, --limit N train "
                   "queries); static-vectors: the fast tier's word table, from the pinned encoder (needs factcheck[embeddings]).")
@click.option("--from-queue", "queues", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Adapt --base to the verdicts of this queue file (repeatable) instead of training from data.")
@click.option("--base", default="fast", show_default=True,
              help="With --from-queue: the model to adapt (fast, accurate or a model directory, an adapted one "
                   "too: the verdicts it learned already are not learned again).")
@click.option("--finetune-encoder/--pinned-encoder", default=None,
              help="--task matching --tier accurate: fine-tune the encoder on CT20 train first, or use the pinned "
                   "MiniLM as it is (default: what the shipped model does, see its MODEL_CARD.md).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--epochs", type=int, default=2, show_default=True, help="transformers backend only.")
@click.option("--limit", type=int, default=None,
              help="transformers backend, accurate and finetuned tiers: fine-tune on N examples; --task matching: "
                   "the first N train queries (a quick check).")
def train(output, tier, backend, base_model, data, own_data, task, queues, base, finetune_encoder, seed, epochs,
          limit):
    """Rebuild a model from labelled data, with fixed seeds; or, with --from-queue, adapt a
    model to a newsroom's own verdicts.

    Writes a directory that 'factcheck extract --model DIR' loads.
    """
    if queues:
        from ..adapt import adapt_from_queues
        from ._output import progress_printer
        written = adapt_from_queues(queues, output, base=base, progress=progress_printer(),
                                    warn=lambda message: click.echo(message, err=True))
        click.echo(f"wrote {written}")
        return
    from ..train import train_tier, train_transformers

    if task == "static-vectors":
        from ..matching.static_build import build_static
        click.echo(f"wrote {build_static(output, data=data, log=lambda m: click.echo(m, err=True))}")
        return
    if task == "matching" and tier == "fast":
        from ..matching.train_fast import train_fast_reranker
        train_fast_reranker(data=data, output=output, log=lambda m: click.echo(m, err=True))
        click.echo(f"wrote {output}")
        return
    if task == "matching":
        from ..matching.train import train_reranker
        train_reranker(tier, data=data, output=output, base_model=base_model, limit=limit,
                       finetune=finetune_encoder, log=lambda m: click.echo(m, err=True))
        click.echo(f"wrote {output}")
        return
    if backend == "transformers":
        if not base_model:
            raise click.UsageError("--backend transformers needs --base-model DIR (a local Hugging Face model)")
        out = train_transformers(output, base_model=base_model, data=data, own_data=own_data, seed=seed,
                                 epochs=epochs, limit=limit)
    else:
        out = train_tier(output, tier=tier, data=data, own_data=own_data, seed=seed, base_model=base_model, limit=limit,
                         log=lambda m: click.echo(m, err=True))
    click.echo(f"wrote {out}")
