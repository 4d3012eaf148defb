"""Shipped and trained models: finding them, checking they are safe, loading their parts.

A model is a directory with ``manifest.json`` naming its two parts, each a sub-directory
with a ``config.json`` whose ``"type"`` picks the class that loads it from a fixed registry:

    models/fast/manifest.json     {"name": "fast", "version": "...", "checkworthy": "checkworthy", "attribution": "attribution"}
    models/fast/checkworthy/      config.json + weights (.npz / .json)
    models/fast/attribution/      config.json + weights

Nothing is ever unpickled: a directory holding a pickle-like file is refused, and only the
types in ``REGISTRY`` can be loaded, so a model directory cannot name code to import.
"""
from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ModelError, UnsafeModelError

SHIPPED = ("fast", "accurate")
DEFAULT_MODEL = "fast"

#: config "type" -> "module:Class" with a ``load(directory)`` class method
REGISTRY = {
    "checkworthy-linear": "factcheck.checkworthy:CheckworthyClassifier",
    "checkworthy-embed": "factcheck.accurate:AccurateCheckworthy",
    "checkworthy-finetuned": "factcheck.finetuned:FinetunedCheckworthy",
    "attribution-linear": "factcheck.attribution:AttributionClassifier",
    "attribution-rules": "factcheck.attribution:CueLexiconClassifier",
    "attribution-embed": "factcheck.accurate:AccurateAttribution",
    "transformers-multilabel": "factcheck.finetune:TransformersAttribution",
    "checkworthy-adapted": "factcheck.adapt.checkworthy:AdaptedCheckworthy",
    "attribution-adapted": "factcheck.adapt.attribution:AdaptedAttribution",
}

#: suffixes of formats that can run code when loaded
UNSAFE_SUFFIXES = (".pkl", ".pickle", ".joblib", ".dill", ".cloudpickle", ".pt", ".pth", ".bin", ".sav")


def models_dir() -> Path:
    """Return the folder of the shipped models (``models/`` of the source tree or the install)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "models", here / "_models"):
        if (candidate / DEFAULT_MODEL / "manifest.json").exists():
            return candidate
    return here.parent / "models"


def check_safe(directory: Path) -> None:
    """Raise UnsafeModelError if the directory holds a file in a format that can run code."""
    for p in Path(directory).rglob("*"):
        if p.is_file() and p.suffix.lower() in UNSAFE_SUFFIXES:
            raise UnsafeModelError(
                f"{p} is in a format that can run code when loaded (pickle/torch); "
                "factcheck only loads .json, .npz (no pickles) and .safetensors model files")


def read_config(directory: str | Path, expected_type: str, *, filename: str = "config.json",
                what: str = "factcheck model part") -> dict:
    """Return the JSON config of a model directory, after checking that the directory holds no
    unsafe file and that the config names ``expected_type``."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ModelError(f"{directory} is not a model directory; pass the folder that holds {filename}")
    check_safe(directory)
    try:
        config = json.loads((directory / filename).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{directory} has no {filename}; is it a {what}?") from None
    except ValueError as exc:
        raise ModelError(f"{directory / filename} is not valid JSON ({exc})") from None
    if config.get("type") != expected_type:
        raise ModelError(f"{directory} holds a {config.get('type')!r} model, not {expected_type!r}")
    return config


def load_component(directory: str | Path) -> Any:
    """Load one model part from its directory, by the registered type in its config."""
    directory = Path(directory)
    check_safe(directory)
    config_path = directory / "config.json"
    if (directory / "factcheck.json").exists():  # a fine-tuned transformers model keeps HF's config.json
        config_path = directory / "factcheck.json"
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{directory} has no config.json; is it a factcheck model part?") from None
    except ValueError as exc:
        raise ModelError(f"{config_path} is not valid JSON ({exc})") from None
    kind = config.get("type")
    if kind not in REGISTRY:
        raise ModelError(f"{config_path}: unknown model type {kind!r}; known: {', '.join(sorted(REGISTRY))}")
    module, cls = REGISTRY[kind].split(":")
    try:
        klass = getattr(importlib.import_module(module), cls)
    except ImportError as exc:
        extra = "embeddings" if "embed" in kind else "transformers" if "transformers" in kind else None
        hint = f"; install it with: pip install 'factcheck[{extra}]'" if extra else ""
        raise ModelError(f"model type {kind!r} needs {exc.name}{hint}") from None
    return klass.load(directory)


@dataclass(frozen=True)
class Model:
    """A loaded model: its name, version and the two parts the pipeline calls."""

    name: str
    version: str
    checkworthy: Any
    attribution: Any
    path: str | None = None


def resolve(name_or_dir: str | Path | None) -> Path:
    """Return the directory of a shipped model's name or of a model directory."""
    name = str(name_or_dir or DEFAULT_MODEL)
    if name in SHIPPED:
        path = models_dir() / name
        if not (path / "manifest.json").exists():
            raise ModelError(f"the shipped model {name!r} is not installed at {path}; reinstall factcheck")
        return path
    path = Path(name)
    if not path.is_dir():
        raise ModelError(f"no model named {name!r}: use 'fast', 'accurate' or a directory written by 'factcheck train'")
    return path


def load_model(name_or_dir: str | Path | None = None) -> Model:
    """Load a shipped model by name (``fast``, ``accurate``) or a model directory."""
    path = resolve(name_or_dir)
    manifest_path = path / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    elif (path / "factcheck.json").exists() or (path / "config.json").exists():
        # a lone attribution model (e.g. fine-tuned with transformers): the fast tier scores check-worthiness
        manifest = {"name": path.name, "version": "local", "checkworthy": str(resolve("fast") / "checkworthy"),
                    "attribution": "."}
    else:
        raise ModelError(f"{path} has no manifest.json; is it a directory written by 'factcheck train'?")
    parts = {}
    for part in ("checkworthy", "attribution"):
        sub = manifest.get(part)
        if not sub:
            raise ModelError(f"{manifest_path} names no {part} part")
        parts[part] = load_component((path / sub).resolve())
    return Model(name=manifest.get("name", path.name), version=str(manifest.get("version", "")),
                 checkworthy=parts["checkworthy"], attribution=parts["attribution"], path=str(path))


def write_manifest(directory: Path, *, name: str, version: str, checkworthy: str = "checkworthy",
                   attribution: str = "attribution", **extra) -> None:
    """Write the manifest that makes a directory a loadable model."""
    data = {"name": name, "version": version, "checkworthy": checkworthy, "attribution": attribution, **extra}
    (Path(directory) / "manifest.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
