"""Model folders carry the SHA-256 of their files: a changed, missing or added file is refused
before anything loads; a part folder is not a model; `serve` checks its model before it starts."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.errors import ModelError, UnsafeModelError
from factcheck.models import (FILES_KEY, SHIPPED, load_model, models_dir, read_manifest, record_hashes,
                              verify_files, write_manifest)

FAST = models_dir() / "fast"
TEXT = "The county's jobless rate climbed to 7.4 percent in October, officials said. We had a nice day."


@pytest.fixture
def model_dir(tmp_path) -> Path:
    """A model folder written the way `factcheck train` writes one: the fast tier's parts, then
    the manifest (write_manifest), with a model card in a part as the writers leave one."""
    out = tmp_path / "model"
    for part in ("checkworthy", "attribution"):
        shutil.copytree(FAST / part, out / part, ignore=shutil.ignore_patterns("*.md"))
    write_manifest(out, name="model", version="test", tier="fast")
    (out / "checkworthy" / "MODEL_CARD.md").write_text("# written after the manifest\n", encoding="utf-8")
    return out


def _extract(model):
    return CliRunner().invoke(main, ["extract", "-", "--model", str(model), "--format", "jsonl"], input=TEXT)


def test_write_manifest_records_every_part_file_but_documentation(model_dir):
    files = read_manifest(model_dir)[FILES_KEY]
    on_disk = sorted(p.relative_to(model_dir).as_posix() for p in model_dir.rglob("*")
                     if p.is_file() and p.suffix != ".md" and p.name != "manifest.json")
    assert sorted(files) == on_disk and "checkworthy/weights.npz" in files
    entry = files["checkworthy/config.json"]
    assert entry["size"] == (model_dir / "checkworthy" / "config.json").stat().st_size and len(entry["sha256"]) == 64
    assert verify_files(model_dir, read_manifest(model_dir)) is True
    assert load_model(model_dir).name == "model"


def test_a_weight_changed_after_writing_is_refused(model_dir):
    path = model_dir / "checkworthy" / "weights.npz"
    with np.load(path, allow_pickle=False) as npz:
        arrays = dict(npz)
    name = next(k for k, v in arrays.items() if v.dtype.kind == "f")
    arrays[name] = arrays[name] + 5.0
    np.savez_compressed(path, **arrays)
    with pytest.raises(UnsafeModelError, match="weights.npz changed since the model was written"):
        load_model(model_dir)
    result = _extract(model_dir)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: ") and "weights.npz changed since" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_a_config_edited_after_writing_is_refused(model_dir):
    path = model_dir / "checkworthy" / "config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    config["shift"] = -40.0
    path.write_text(json.dumps(config, indent=2), encoding="utf-8")
    with pytest.raises(UnsafeModelError, match=r"config.json changed since the model was written"):
        load_model(model_dir)


def test_a_missing_or_added_file_is_refused(model_dir):
    extra = model_dir / "attribution" / "extra.npz"
    np.savez(extra, x=np.zeros(2))
    with pytest.raises(UnsafeModelError, match="extra.npz was added since the model was written"):
        load_model(model_dir)
    extra.unlink()
    (model_dir / "attribution" / "weights.npz").unlink()
    with pytest.raises(ModelError, match="weights.npz is missing"):
        load_model(model_dir)


def test_a_pickle_is_named_as_such_even_with_hashes(model_dir):
    (model_dir / "attribution" / "model.pkl").write_bytes(b"\x80\x04K\x01.")
    with pytest.raises(UnsafeModelError, match="can run code"):
        load_model(model_dir)


def test_a_folder_written_before_hashes_still_loads(model_dir):
    manifest = read_manifest(model_dir)
    del manifest[FILES_KEY]
    (model_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    model = load_model(model_dir)
    assert model.checkworthy.predict_proba(["Exports rose 4 percent in May."]).shape == (1, 2)


def test_a_table_of_hashes_that_is_no_table_is_refused(model_dir):
    manifest = read_manifest(model_dir)
    manifest[FILES_KEY] = ["checkworthy/config.json"]
    (model_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError, match="not a table of file hashes"):
        load_model(model_dir)


def test_record_hashes_keeps_the_rest_of_the_manifest(model_dir):
    manifest = read_manifest(model_dir)
    del manifest[FILES_KEY]
    (model_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    record_hashes(model_dir)
    again = read_manifest(model_dir)
    assert {k: v for k, v in again.items() if k != FILES_KEY} == manifest
    assert verify_files(model_dir, again) is True


@pytest.mark.parametrize("name", SHIPPED)
def test_the_shipped_models_record_the_hashes_of_their_files(name):
    directory = models_dir() / name
    manifest = read_manifest(directory)
    assert FILES_KEY in manifest, f"run: python scripts/hash_models.py {directory}"
    assert verify_files(directory, manifest) is True


def test_a_part_folder_is_not_a_model():
    result = _extract(FAST / "checkworthy")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "pass the model folder, the one with manifest.json" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_attribution_part_loads_alone_and_is_checked_in_place(model_dir):
    model = load_model(model_dir / "attribution")  # a lone attribution model, with the fast check-worthiness
    assert type(model.attribution).__name__ == type(load_model("fast").attribution).__name__
    config = model_dir / "attribution" / "config.json"
    config.write_text(config.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(UnsafeModelError, match="changed since the model was written"):
        load_model(model_dir / "attribution")


def test_a_manifest_that_swaps_the_parts_is_refused(model_dir):
    manifest = read_manifest(model_dir)
    manifest["checkworthy"], manifest["attribution"] = "attribution", "checkworthy"
    (model_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError, match="names it as the checkworthy part"):
        load_model(model_dir)


@pytest.fixture
def served(tmp_path, monkeypatch):
    """Run `factcheck serve` on a new queue; the server itself is not started (uvicorn.run only
    records that it was reached)."""
    pytest.importorskip("fastapi")
    uvicorn = pytest.importorskip("uvicorn")
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append(app))
    queue = tmp_path / "q.queue"
    assert CliRunner().invoke(main, ["queue", "init", str(queue)]).exit_code == 0

    def serve(model):
        return CliRunner().invoke(main, ["serve", str(queue), "--model", str(model)]), started
    return serve


def test_serve_refuses_a_changed_model_before_it_starts(served, model_dir):
    result, started = served(model_dir)
    assert result.exit_code == 0 and len(started) == 1, result.output  # an intact model serves
    path = model_dir / "attribution" / "config.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"labels"', '"labels" '), encoding="utf-8")
    result, started = served(model_dir)
    assert result.exit_code == 1 and len(started) == 1 and "Traceback" not in result.output
    assert result.stderr.startswith("Error: --model") and "config.json changed since" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_refuses_a_pickle_or_a_part_folder(served, tmp_path):
    bad = tmp_path / "pickled"
    bad.mkdir()
    (bad / "manifest.json").write_text('{"checkworthy": ".", "attribution": "."}', encoding="utf-8")
    (bad / "model.pkl").write_bytes(b"\x80\x04K\x01.")
    for model, why in ((bad, "can run code"), (FAST / "checkworthy", "pass the model folder")):
        result, started = served(model)
        assert result.exit_code == 1 and not started and why in result.stderr, result.output
        assert len(result.stderr.strip().splitlines()) == 1
