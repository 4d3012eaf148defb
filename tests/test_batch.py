"""factcheck score: chunks, worker processes, output formats, the errors file and resume."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from test_batch_model import FakeModel, SlowFactory, fake_model, make_docs


def write_jsonl(path: Path, rows) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write((r if isinstance(r, str) else json.dumps(r)) + "\n")
    return path


def expected_claims(docs: list[dict]) -> list[dict]:
    """What the extractor gives for these documents, one at a time, in order."""
    from factcheck.pipeline import Extractor
    from factcheck.types import Document
    ex = Extractor(FakeModel())
    out = []
    for d in docs:
        out.extend(c.to_dict() for c in ex.extract(Document.from_dict(d)))
    return out


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def messy(tmp_path) -> tuple[Path, list[dict]]:
    """A table with good documents, broken JSON, a row without text and one that breaks the model."""
    docs = make_docs(9)
    rows = [docs[0], docs[1], "{broken json", docs[2], {"doc_id": "empty"}, docs[3],
            {"doc_id": "bomb", "text": "The 3 engines EXPLODE here."}, *docs[4:]]
    return write_jsonl(tmp_path / "in.jsonl", rows), docs


def test_score_jsonl_records_bad_rows_and_goes_on(tmp_path, messy):
    from factcheck.batch import errors_path, score_files, state_dir
    src, docs = messy
    out = tmp_path / "claims.jsonl"
    summary = score_files([str(src)], out, model=fake_model, chunk_docs=4, progress=False)
    assert read_jsonl(out) == expected_claims(docs)
    errors = read_jsonl(errors_path(out))
    assert [(e["file"], e["line"]) for e in errors] == [(str(src), 3), (str(src), 5), (str(src), 7)]
    assert "broken JSON" in errors[0]["reason"] and "text" in errors[1]["reason"]
    assert "could not be scored" in errors[2]["reason"]
    assert summary.documents == 9 and summary.errors == 3
    assert summary.claims == len(expected_claims(docs)) == sum(summary.by_label.values())
    assert summary.by_label["contested"] == 9  # every document has one 'denies' sentence with a number
    assert not state_dir(out).exists()
    assert "errors: 3" in summary.format()


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_csv_and_parquet_hold_the_same_rows(tmp_path, messy, suffix, monkeypatch):
    from factcheck import batch
    from factcheck.batch import score_files
    monkeypatch.setattr(batch, "PARQUET_ROW_GROUP", 10)
    from factcheck.io import read_records
    src, docs = messy
    out = tmp_path / f"claims{suffix}"
    score_files([str(src)], out, model=fake_model, chunk_docs=3, progress=False)
    rows = list(read_records(str(out)))
    want = expected_claims(docs)
    assert len(rows) == len(want)
    for got, exp in zip(rows, want):
        assert got["claim_id"] == exp["claim_id"] and got["facets"] == exp["facets"]
        assert got["scores"] == exp["scores"] and got["cues"] == exp["cues"]
        assert int(got["start"]) == exp["start"] and float(got["checkworthiness"]) == exp["checkworthiness"]
    if suffix == ".parquet":
        import pyarrow.parquet as pq
        assert pq.ParquetFile(out).metadata.num_row_groups > 1  # written in row groups as it goes


def test_two_worker_processes_give_the_same_output(tmp_path):
    from factcheck.batch import score_files
    src = write_jsonl(tmp_path / "in.jsonl", make_docs(40))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    score_files([str(src)], one, model=fake_model, chunk_docs=3, progress=False)
    s = score_files([str(src)], two, model=fake_model, workers=2, chunk_docs=3, progress=False)
    assert one.read_bytes() == two.read_bytes() and s.documents == 40


def test_folders_of_text_files_and_all_sentences(tmp_path):
    from factcheck.batch import score_files
    folder = tmp_path / "docs"
    folder.mkdir()
    for d in make_docs(3):
        (folder / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
    out = tmp_path / "c.jsonl"
    s = score_files([str(folder)], out, model=fake_model, all_sentences=True, progress=False)
    rows = read_jsonl(out)
    assert [r["doc_id"] for r in rows][:5] == ["d0"] * 5 and s.documents == 3
    assert any(r["checkworthiness"] < 0.5 for r in rows)  # --all keeps the low ones


def test_out_in_a_folder_read_is_never_read_back(tmp_path):
    """OUT, OUT.errors.jsonl and the resume folder inside the folder scored are the run's own
    files: a second run scores the same documents, and OUT as an INPUT is refused."""
    from factcheck.batch import score_files
    from factcheck.errors import FactcheckError
    folder = tmp_path / "desk"
    folder.mkdir()
    write_jsonl(folder / "in.jsonl", make_docs(4))
    out = folder / "claims.jsonl"
    first = score_files([str(folder)], out, model=fake_model, progress=False)
    rows = read_jsonl(out)
    second = score_files([str(folder)], out, model=fake_model, progress=False)
    assert first.documents == second.documents == 4 and first.errors == second.errors == 0
    assert read_jsonl(out) == rows
    with pytest.raises(FactcheckError, match="both an INPUT"):
        score_files([str(out)], out, model=fake_model, progress=False)


def test_left_state_asks_for_resume_and_resume_checks_options(tmp_path):
    from factcheck.batch import score_files, state_dir
    from factcheck.errors import FactcheckError
    src = write_jsonl(tmp_path / "in.jsonl", make_docs(5))
    out = tmp_path / "c.jsonl"
    state_dir(out).mkdir()
    (state_dir(out) / "run.json").write_text(json.dumps({"version": 1, "threshold": 0.9}))
    with pytest.raises(FactcheckError, match="--resume"):
        score_files([str(src)], out, model=fake_model, progress=False)
    with pytest.raises(FactcheckError, match="threshold"):
        score_files([str(src)], out, model=fake_model, resume=True, progress=False)


def test_resume_skips_finished_chunks_and_matches_a_clean_run(tmp_path, monkeypatch):
    from factcheck import batch
    src = write_jsonl(tmp_path / "in.jsonl", make_docs(12) + ["not json"])
    clean = tmp_path / "clean.jsonl"
    batch.score_files([str(src)], clean, model=fake_model, chunk_docs=2, progress=False)

    out = tmp_path / "c.jsonl"
    real = batch.score_chunk
    calls = []

    def dying(chunk, spec, published=None):
        if chunk.index == 4:
            raise KeyboardInterrupt  # the run stops here, as after Ctrl-C
        calls.append(chunk.index)
        return real(chunk, spec, published)

    monkeypatch.setattr(batch, "score_chunk", dying)
    with pytest.raises(KeyboardInterrupt):
        batch.score_files([str(src)], out, model=fake_model, chunk_docs=2, progress=False)
    assert not out.exists() and batch.state_dir(out).exists()
    calls.clear()
    monkeypatch.setattr(batch, "score_chunk", real)
    seen = []
    monkeypatch.setattr(batch, "score_chunk", lambda c, s, p=None: seen.append(c.index) or real(c, s, p))
    s = batch.score_files([str(src)], out, model=fake_model, chunk_docs=2, resume=True, progress=False)
    assert seen == [4, 5, 6] and s.resumed_chunks == 4
    assert out.read_bytes() == clean.read_bytes()
    assert batch.errors_path(out).read_bytes() == batch.errors_path(clean).read_bytes()


KILL_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from test_batch_model import SlowFactory
    from factcheck.batch import score_files
    score_files([{src!r}], {out!r}, model=SlowFactory(0.15), workers={workers}, chunk_docs=2, progress=False)
""")


@pytest.mark.parametrize("suffix,workers", [(".jsonl", 2), (".parquet", 1)])
def test_sigkill_halfway_then_resume_equals_a_clean_run(tmp_path, suffix, workers):
    from factcheck.batch import score_files, state_dir
    src = write_jsonl(tmp_path / "in.jsonl", make_docs(30) + ["{oops"])
    clean = tmp_path / f"clean{suffix}"
    score_files([str(src)], clean, model=SlowFactory(0.0), chunk_docs=2, progress=False)
    out = tmp_path / f"killed{suffix}"
    script = KILL_SCRIPT.format(tests=str(Path(__file__).parent), src=str(src), out=str(out), workers=workers)
    psutil = pytest.importorskip("psutil")
    proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    deadline = time.monotonic() + 60
    try:
        while len(list(state_dir(out).glob("*.meta.json"))) < 4:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "no chunk finished in time"
            time.sleep(0.05)
        workers_left = psutil.Process(proc.pid).children()
        os.kill(proc.pid, signal.SIGKILL)  # the main process only, as the OOM killer would
        proc.wait(10)
        gone, alive = psutil.wait_procs(workers_left, timeout=10)
        assert not alive, "worker processes outlived the main process"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # whatever is left of the group
        except ProcessLookupError:
            pass
    assert not out.exists()
    done = len(list(state_dir(out).glob("*.meta.json")))
    # the same model class (resume refuses another model); this time without the delay
    s = score_files([str(src)], out, model=SlowFactory(0.0), chunk_docs=2, resume=True, progress=False)
    assert s.resumed_chunks >= done - 1 >= 3  # a worker may finish one more chunk while being killed
    if suffix == ".parquet":
        import pandas as pd
        assert pd.read_parquet(out).equals(pd.read_parquet(clean))
    else:
        assert out.read_bytes() == clean.read_bytes()
    assert Path(str(out) + ".errors.jsonl").read_text() == Path(str(clean) + ".errors.jsonl").read_text()
    # the killed run's temporary files went with its state folder: nothing hidden is left
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_hf_dataset_folder_as_input(tmp_path):
    datasets = pytest.importorskip("datasets")
    from factcheck.batch import score_files
    docs = make_docs(5)
    ds = datasets.Dataset.from_list(docs)
    ds.save_to_disk(str(tmp_path / "ds"))
    out = tmp_path / "c.jsonl"
    s = score_files([str(tmp_path / "ds")], out, model=fake_model, chunk_docs=2, progress=False)
    assert read_jsonl(out) == expected_claims(docs) and s.documents == 5


def test_a_dataset_dict_folder_gives_every_split(tmp_path):
    datasets = pytest.importorskip("datasets")
    from factcheck.batch import score_files
    docs = make_docs(6)
    datasets.DatasetDict({"train": datasets.Dataset.from_list(docs[:4]),
                          "test": datasets.Dataset.from_list(docs[4:])}).save_to_disk(str(tmp_path / "dd"))
    out = tmp_path / "c.jsonl"
    s = score_files([str(tmp_path / "dd")], out, model=fake_model, chunk_docs=2, progress=False)
    assert s.documents == 6 and read_jsonl(out) == expected_claims(docs)


def test_cli_score_summary_exit_codes_and_errors_file(tmp_path, monkeypatch, messy):
    import factcheck.models
    from factcheck.cli import main
    monkeypatch.setattr(factcheck.models, "load_model", lambda name=None: FakeModel())
    src, docs = messy
    out = tmp_path / "claims.jsonl"
    r = CliRunner().invoke(main, ["score", str(src), "-o", str(out), "--chunk-size", "4"])
    assert r.exit_code == 0, r.output
    assert "scored 9 documents" in r.output and "errors: 3" in r.output and "contested 9" in r.output
    assert len(read_jsonl(out)) == len(expected_claims(docs))
    assert len(read_jsonl(str(out) + ".errors.jsonl")) == 3

    bad = write_jsonl(tmp_path / "bad.jsonl", ["{nope", "[1]"])
    r = CliRunner().invoke(main, ["score", str(bad), "-o", str(tmp_path / "x.csv")])
    assert r.exit_code == 1 and "none of the 2 input rows" in r.output
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    r = CliRunner().invoke(main, ["score", str(empty), "-o", str(tmp_path / "e.jsonl")])
    assert r.exit_code == 1 and "the input is empty" in r.output
    r = CliRunner().invoke(main, ["score", str(src), "-o", str(tmp_path / "x.txt")])
    assert r.exit_code == 1 and "Error: cannot tell the output format" in r.output
    r = CliRunner().invoke(main, ["score", "--help"])
    assert r.exit_code == 0 and r.output.rstrip().splitlines()[-1].strip().startswith("factcheck score")


@pytest.mark.parametrize("name,data", [("blank.txt", ""), ("spaces.txt", "  \n \n"), ("-", "")])
def test_cli_score_of_an_empty_text_file_or_stdin_exits_1_naming_it(tmp_path, monkeypatch, name, data):
    import factcheck.models
    from factcheck.cli import main
    monkeypatch.setattr(factcheck.models, "load_model", lambda name=None: FakeModel())
    if name != "-":
        (tmp_path / name).write_text(data, encoding="utf-8")
    path = name if name == "-" else str(tmp_path / name)
    out = tmp_path / "o.jsonl"
    r = CliRunner().invoke(main, ["score", path, "-o", str(out), "--no-progress"], input=data)
    assert r.exit_code == 1 and "scored 0 documents" in r.output
    assert r.stderr.strip().splitlines() == [f"Error: {path}: it holds no text (empty, or only white space); not read"]
    [error] = read_jsonl(str(out) + ".errors.jsonl")
    assert error["file"] == path and error["line"] is None
    # beside a document, the empty file is refused as a whole, the document scored
    docs = write_jsonl(tmp_path / "docs.jsonl", make_docs(2))
    if name != "-":
        r = CliRunner().invoke(main, ["score", str(docs), path, "-o", str(tmp_path / "both.jsonl"), "--no-progress"])
        assert r.exit_code == 1 and "scored 2 documents" in r.output
        assert "1 input file was refused (not text, or empty)" in r.stderr


def test_a_worker_that_dies_is_replaced_and_its_chunk_scored_again(tmp_path):
    from test_batch_model import DiesOnceFactory
    from factcheck.batch import score_files
    docs = make_docs(12)
    docs[7]["text"] += " The lighthouse has stood since 1890."
    src = write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "c.jsonl"
    s = score_files([str(src)], out, model=DiesOnceFactory(str(tmp_path / "died")), workers=2, chunk_docs=2,
                    progress=False)
    assert (tmp_path / "died").exists()  # it did die once
    assert read_jsonl(out) == expected_claims(docs) and s.errors == 0
