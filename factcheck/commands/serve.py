"""``factcheck serve``: the reviewer web page over a queue file."""
from __future__ import annotations

import os

import click

from ..errors import FactcheckError


@click.command()
@click.argument("queue_path", metavar="QUEUE", type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default lets only this machine in.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--secret-key", envvar="FACTCHECK_SECRET_KEY", default=None, show_envvar=True,
              help="Key that signs session cookies; without it a random one is made and sessions end on restart.")
@click.option("--secure-cookies", is_flag=True, help="Mark cookies Secure (when served behind HTTPS).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@click.option("--model", default="fast", show_default=True, metavar="NAME|DIR",
              help="The model that scores documents sent to POST /api/extract: fast, accurate, or a "
                   "directory from factcheck train (e.g. one adapted with --from-queue).")
def serve(queue_path, host, port, secret_key, secure_cookies, log_level, model):
    """Serve the reviewer web page and its JSON API over QUEUE.

    Reviewers log in with the secret from `factcheck queue add-reviewer`; scripts send
    `Authorization: Bearer SECRET`. The API is described at /openapi.json. POST
    /api/extract scores a document with --model (editors may add its claims to
    the queue).

    \b
    Example:
        factcheck serve newsroom.queue --port 8000 --model newsroom-model
    """
    if not os.path.exists(queue_path):
        raise FactcheckError(f"no queue file at {queue_path}; create it with: factcheck queue init {queue_path}")
    try:
        import uvicorn

        from ..web.app import create_app
    except ImportError as exc:
        raise FactcheckError(f"the web server needs extra packages ({exc.name}); "
                             f"install them with: pip install 'factcheck[web]'") from None
    from ..errors import ModelError
    from ..models import load_model, resolve
    try:
        resolve(model)  # a wrong name fails now, not at the first document
    except ModelError as exc:
        raise click.BadParameter(str(exc), param_hint="--model") from None
    try:
        # a pickle, a broken part or a file changed since the model was written stops the server
        # here, in one line, not at the first POST /api/extract; the app loads its own copy then
        load_model(model)
    except ModelError as exc:
        raise ModelError(f"--model {model}: {exc}") from None
    app = create_app(queue_path, secret_key=secret_key, cookie_secure=secure_cookies, model=model)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"Warning: listening on {host}: anyone who can reach it sees the log-in page; "
                   f"serve it behind HTTPS and use --secure-cookies.", err=True)
    click.echo(f"Serving {queue_path} on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    # proxy_headers off: behind no proxy, X-Forwarded-For must not let a client pick its own address
    # (throttling counts wrong secrets per address)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
