"""Where ``train --from-queue`` writes its model: never into the shipped models, never over a
folder it did not write, and a model folder it wrote earlier is replaced whole.

(The rebuild commands, ``factcheck train -o models/fast``, write the shipped models on purpose
and do not come through here.)
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from ..errors import FactcheckError, ModelError

#: what ``train --from-queue`` writes into a model folder, and nothing else
WRITTEN = frozenset({"manifest.json", "MODEL_CARD.md", "adaptation.json", "learned.json", "checkworthy",
                     "attribution"})


class OutputRefused(FactcheckError):
    """OUT is no place for an adapted model (the shipped models, or a folder holding other
    things); nothing was written."""


def shipped_folders() -> set[Path]:
    """Return the folders the shipped models load from: the models folder and, resolved, each
    shipped model's name (``fast``, ``accurate``)."""
    from .. import models
    out = {models.models_dir().resolve()}
    for name in models.SHIPPED:
        try:
            out.add(models.resolve(name).resolve())
        except ModelError:  # a tier that is not installed here
            pass
    return out


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def is_adapted_model(folder: Path) -> bool:
    """Return whether ``folder`` is a model folder written by ``train --from-queue``: its
    manifest says tier "adapted" and names what it was adapted from, and it holds nothing else
    than what the adaptation writes."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (isinstance(manifest, dict) and manifest.get("tier") == "adapted" and "adapted_from" in manifest
            and {p.name for p in folder.iterdir()} <= WRITTEN)


def check_output(out: str | Path, *, base: Path | None = None) -> Path:
    """Return ``out`` when an adapted model may be written there: a new or empty folder, or a
    model folder written earlier by ``train --from-queue`` (replaced whole by :func:`replace_folder`);
    else raise :class:`OutputRefused`. The shipped models folder and anything inside it are
    refused, and so is a folder inside the ``base`` model adapted."""
    out = Path(out)
    where = out.resolve()
    for folder in shipped_folders():
        if _inside(where, folder):
            raise OutputRefused(f"{out} is {'' if where == folder else 'in '}the shipped models folder ({folder}); "
                                "write the adapted model elsewhere, e.g. -o newsroom-model, and use it with "
                                "--model newsroom-model")
    if base is not None and base.resolve() in where.parents:
        raise OutputRefused(f"{out} is inside the model it adapts ({base}); write the adapted model beside it")
    if out.exists() and not out.is_dir():
        raise OutputRefused(f"{out} is a file; name a new folder for the adapted model")
    if out.is_dir() and any(out.iterdir()) and not is_adapted_model(out):
        names = sorted(p.name for p in out.iterdir())
        shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
        raise OutputRefused(f"{out} is not empty ({shown}) and is no model folder written by 'factcheck train "
                            "--from-queue'; name a new or empty folder")
    return out


def replace_folder(out: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(folder)`` on a new folder beside ``out``, then put it in the place of ``out``
    (an earlier model there is removed whole, never mixed with the new one); return ``out``.
    Nothing is left behind when ``write`` fails."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".new", dir=out.parent))
    try:
        write(tmp)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
            out.rename(old / out.name)
            tmp.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out
