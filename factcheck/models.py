"""Shipped and trained models: finding them, checking they are safe, loading their parts.

A model is a directory with ``manifest.json`` naming its two parts, each a sub-directory
with a ``config.json`` whose ``"type"`` picks the class that loads it from a fixed registry:

    models/fast/manifest.json     {"name": "fast", "version": "...", "checkworthy": "checkworthy", "attribution": "attribution"}
    models/fast/checkworthy/      config.json + weights (.npz / .json)
    models/fast/attribution/      config.json + weights

Nothing is ever unpickled: a directory holding a pickle-like file is refused, and only the
types in ``REGISTRY`` can be loaded, so a model directory cannot name code to import.

The manifest also records the SHA-256 and size of every file of the two parts (``"files"``,
written by :func:`write_manifest` after the parts are saved), and :func:`load_model` checks them
before it loads anything: a weight nudged or a config edited after the model was written is
refused, not scored with. Documentation (``MODEL_CARD.md``, any ``.md``) is not hashed.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
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

#: the manifest key of the parts' file hashes: {"checkworthy/weights.npz": {"sha256": ..., "size": ...}}
FILES_KEY = "files"
PARTS = ("checkworthy", "attribution")

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
    config_path = _config_path(directory)
    if not config_path.is_file():
        raise ModelError(f"{directory} has no config.json; is it a factcheck model part?")
    kind = part_type(directory)
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


def role_of(kind: str | None) -> str | None:
    """Return which part a registered model type plays (``checkworthy`` or ``attribution``), or
    None for a type that is not registered."""
    if kind not in REGISTRY:
        return None
    return "checkworthy" if kind.startswith("checkworthy-") else "attribution"


def _config_path(directory: Path) -> Path:
    """Return the config file of a model part: ``factcheck.json`` when there is one (a fine-tuned
    transformers model keeps HF's ``config.json`` beside it), else ``config.json``."""
    own = directory / "factcheck.json"
    return own if own.exists() else directory / "config.json"


def part_type(directory: str | Path) -> str | None:
    """Return the ``"type"`` a model part's config declares (None when it has no config or names
    none), from the config :func:`load_component` reads."""
    path = _config_path(Path(directory))
    if not path.is_file():
        return None
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ModelError(f"{path} is not valid JSON ({exc})") from None
    return config.get("type") if isinstance(config, dict) else None


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """Return the hex SHA-256 of a file, read in chunks (every model file check uses this one)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def _key(directory: Path, path: Path) -> str:
    return Path(os.path.relpath(path, directory)).as_posix()


def part_files(directory: str | Path, manifest: dict, parts: tuple[str, ...] = PARTS) -> dict[str, Path]:
    """Return {path relative to the model folder: path} of every file of the named parts that the
    manifest hashes: all but documentation (``.md``) and the manifest itself."""
    directory = Path(directory)
    files = {}
    for part in parts:
        sub = manifest.get(part)
        root = directory / sub if isinstance(sub, str) and sub else None
        if root is None or not root.is_dir():
            continue
        for p in root.rglob("*"):
            if p.is_file() and not p.name.lower().endswith(".md") and p != directory / "manifest.json":
                files[_key(directory, p)] = p
    return dict(sorted(files.items()))


def file_table(directory: str | Path, manifest: dict) -> dict[str, dict]:
    """Return the ``"files"`` entry of a manifest: the SHA-256 and size of each file of its parts."""
    return {key: {"sha256": sha256_file(p), "size": p.stat().st_size}
            for key, p in part_files(directory, manifest).items()}


def verify_files(directory: str | Path, manifest: dict, parts: tuple[str, ...] = PARTS) -> bool:
    """Return True when the files of the named parts are those the manifest records, False when
    it records none (a folder written before manifests held hashes); UnsafeModelError naming a
    file that changed or was added since the model was written, ModelError for one missing."""
    directory = Path(directory)
    recorded = manifest.get(FILES_KEY)
    if recorded is None:
        return False
    manifest_path = directory / "manifest.json"
    if not isinstance(recorded, dict) or not all(isinstance(v, dict) for v in recorded.values()):
        raise ModelError(f"{manifest_path}: {FILES_KEY!r} is not a table of file hashes; write the model again")
    prefixes = {_key(directory, directory / manifest[part]) for part in parts if manifest.get(part)}
    mine = {k: v for k, v in recorded.items()
            if any(prefix == "." or k.startswith(prefix + "/") for prefix in prefixes)}
    present = part_files(directory, manifest, parts)
    fix = "restore the model's files or write the model again"
    for key in mine:
        if key not in present:
            raise ModelError(f"{directory / key} is missing: it was part of the model when {manifest_path} "
                             f"was written; {fix}")
    for key, path in present.items():
        if key not in mine:
            raise UnsafeModelError(f"{path} was added since the model was written ({manifest_path} does not "
                                   f"list it); remove it or write the model again")
    for key, path in present.items():  # a changed size needs no hashing
        if path.stat().st_size != mine[key].get("size") or sha256_file(path) != mine[key].get("sha256"):
            raise UnsafeModelError(f"{path} changed since the model was written (its SHA-256 is not the one "
                                   f"{manifest_path.name} records); {fix}")
    return True


def read_manifest(directory: str | Path) -> dict:
    """Return the manifest of a model folder; ModelError when it is not a JSON object."""
    path = Path(directory) / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ModelError(f"{path} is not valid JSON ({exc})") from None
    if not isinstance(manifest, dict):
        raise ModelError(f"{path} is not a model manifest (a JSON object naming the parts)")
    return manifest


def _check_part_in_place(directory: Path) -> None:
    """Check a part folder against the manifest of the model folder holding it, if there is one."""
    parent = directory.parent
    if not (parent / "manifest.json").exists():
        return
    manifest = read_manifest(parent)
    for part in PARTS:
        sub = manifest.get(part)
        if isinstance(sub, str) and sub and (parent / sub).resolve() == directory.resolve():
            verify_files(parent, manifest, (part,))


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
    """Load a shipped model by name (``fast``, ``accurate``) or a model directory.

    Before any part is loaded, each file of the parts is checked against the SHA-256 and size
    the manifest records (:func:`verify_files`): a changed, missing or added file is refused.
    Folders written before manifests recorded hashes (no ``"files"`` key) still load, unchecked;
    a shipped model must have them. A folder with no manifest that holds one attribution part
    (e.g. fine-tuned with transformers) loads with the fast tier's check-worthiness part; any
    other part folder is refused (pass the model folder).
    """
    path = resolve(name_or_dir)
    manifest_path = path / "manifest.json"
    if manifest_path.exists():
        manifest = read_manifest(path)
        dirs = {}
        for part in PARTS:
            sub = manifest.get(part)
            if not sub or not isinstance(sub, str):
                raise ModelError(f"{manifest_path} names no {part} part")
            dirs[part] = (path / sub).resolve()
        for d in dirs.values():
            check_safe(d)  # a pickle is named as such, before the hashes say it was added
        if not verify_files(path, manifest) and str(name_or_dir or DEFAULT_MODEL) in SHIPPED:
            raise ModelError(f"{manifest_path} records no file hashes, so the shipped model cannot be "
                             f"checked; reinstall factcheck")
    elif (path / "factcheck.json").exists() or (path / "config.json").exists():
        # a lone attribution model (e.g. fine-tuned with transformers): the fast tier scores check-worthiness
        kind = part_type(path)
        where = f" ({path.parent})" if (path.parent / "manifest.json").exists() else ""
        if kind is None:
            raise ModelError(f"{path} has no manifest.json and its config names no factcheck model type: "
                             f"pass the model folder, the one with manifest.json{where}")
        if role_of(kind) == "checkworthy":  # (an unknown type is refused by load_component, naming the known ones)
            raise ModelError(f"{path} holds a {kind!r} model part, not a model: pass the model folder, "
                             f"the one with manifest.json{where}")
        fast = resolve("fast")
        fast_manifest = read_manifest(fast)
        dirs = {"checkworthy": (fast / fast_manifest.get("checkworthy", "checkworthy")).resolve(),
                "attribution": path.resolve()}
        for d in dirs.values():
            check_safe(d)
            _check_part_in_place(d)
        manifest = {"name": path.name, "version": "local"}
    else:
        raise ModelError(f"{path} has no manifest.json; is it a directory written by 'factcheck train'?")
    for part, d in dirs.items():
        kind = part_type(d)
        if role_of(kind) not in (None, part):
            raise ModelError(f"{d} holds a {kind!r} model part, but {manifest_path} names it as the {part} part")
    parts = {part: load_component(d) for part, d in dirs.items()}
    return Model(name=manifest.get("name", path.name), version=str(manifest.get("version", "")),
                 checkworthy=parts["checkworthy"], attribution=parts["attribution"], path=str(path))


def write_manifest(directory: Path, *, name: str, version: str, checkworthy: str = "checkworthy",
                   attribution: str = "attribution", **extra) -> None:
    """Write the manifest that makes a directory a loadable model, with the SHA-256 and size of
    each file of its parts (:func:`load_model` checks them): call it once the parts are saved."""
    directory = Path(directory)
    data = {"name": name, "version": version, "checkworthy": checkworthy, "attribution": attribution, **extra}
    for part in PARTS:
        if not (directory / data[part]).is_dir():
            raise ModelError(f"{directory / data[part]} does not exist: save the model's parts before its manifest")
    data[FILES_KEY] = file_table(directory, data)
    (Path(directory) / "manifest.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def record_hashes(directory: str | Path) -> Path:
    """Return ``directory`` after (re)writing the file hashes of its manifest from the files it
    holds now, the rest of the manifest unchanged: for a model folder written before manifests
    recorded hashes, or one whose parts were rebuilt in place. It vouches for what is there, so
    run it only on files you trust."""
    directory = Path(directory)
    if not (directory / "manifest.json").exists():
        raise ModelError(f"{directory} has no manifest.json; pass a model folder")
    manifest = read_manifest(directory)
    manifest.pop(FILES_KEY, None)
    write_manifest(directory, **manifest)
    return directory
