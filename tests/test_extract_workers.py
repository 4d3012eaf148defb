"""`factcheck extract --workers N` and :func:`factcheck.parallel.extract_parallel`: documents
spread over processes give the same claims, in the same order, as one process."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import parallel
from factcheck.cli import main
from factcheck.errors import FactcheckError
from factcheck.io import read_documents
from factcheck.models import load_model
from factcheck.parallel import WorkerDied, auto_workers, claim_json, extract_parallel
from factcheck.pipeline import Extractor
from factcheck.types import Document

REPO = Path(__file__).resolve().parents[1]

# hand-written sentences; documents mix them with their own numbers so no two are alike
SENTENCES = [
    "The harbour authority said cargo volumes rose {n} percent in {year}.",
    "Officials estimate that about {n},000 households still lack running water.",
    "The mayor denied reports that the bridge repairs would cost ${n} million.",
    "Critics dispute the claim that {n} new teachers were hired last autumn.",
    "It was a cold morning and the market opened late.",
    "According to the statistics office, bread prices climbed to {n} cents a loaf by March {year}.",
    "Some residents believe the new tram line could carry {n},000 passengers a day.",
    "We will see what happens next week.",
]


def _text(seed: int, sentences: int) -> str:
    out = []
    for k in range(sentences):
        template = SENTENCES[(seed * 3 + k) % len(SENTENCES)]
        out.append(template.format(n=(seed * 37 + k * 11) % 97 + 2, year=1990 + (seed + k) % 30))
        if k % 5 == 4:
            out.append("\n\n")
    return " ".join(out)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A folder of several kinds of input, with a broken JSONL row and a binary file."""
    root = tmp_path / "archive"
    (root / "sub").mkdir(parents=True)
    for i in range(6):
        (root / f"story-{i:02d}.txt").write_text(_text(i, 12 + i), encoding="utf-8")
    (root / "sub" / "notes.md").write_text("published: 2021-04-02\n\n" + _text(40, 9), encoding="utf-8")
    rows = [json.dumps({"doc_id": f"row-{i}", "published": "2020-01-15", "text": _text(10 + i, 7)}) for i in range(8)]
    rows.insert(3, '{"doc_id": "broken", "text": ')
    (root / "wire.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (root / "table.csv").write_text("doc_id,text\n" + "".join(f'c{i},"{_text(20 + i, 6)}"\n' for i in range(4)),
                                    encoding="utf-8")
    (root / "debate.transcript").write_text(
        "MODERATOR: Welcome to the debate.\nSMITH: Our city cut crime by 12 percent since 2019.\n"
        "JONES: That is false, the police say burglaries doubled.\n", encoding="utf-8")
    (root / "scan.txt").write_bytes(bytes(range(256)) * 40)  # not text: refused as a whole
    return root


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of about one document, so a small folder is spread over many chunks and both workers."""
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 400)


def _run(args, **kw):
    return CliRunner().invoke(main, ["extract", *args], **kw)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_two_workers_write_the_same_bytes_as_one(corpus, small_chunks, fmt):
    one = _run([str(corpus), "--all", "--format", fmt, "--workers", "1", "--published", "2022-05-01"])
    two = _run([str(corpus), "--all", "--format", fmt, "--workers", "2", "--published", "2022-05-01"])
    assert one.exit_code == two.exit_code == 1  # the broken row and the binary file
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 100
    assert one.stderr == two.stderr
    assert f"{corpus / 'wire.jsonl'}:4:" in two.stderr and str(corpus / "scan.txt") in two.stderr
    assert two.stderr.strip().splitlines()[-1].startswith("Error: 2 input rows or files")


def test_two_workers_same_parquet_and_jsonl_files(corpus, small_chunks, tmp_path):
    for suffix in ("jsonl", "parquet"):
        outs = []
        for n in ("1", "2"):
            out = tmp_path / f"claims-{n}.{suffix}"
            result = _run([str(corpus), "--workers", n, "-o", str(out)])
            assert result.exit_code == 1
            outs.append(out.read_bytes())
        assert outs[0] == outs[1] and len(outs[0]) > 1000


def test_two_workers_on_standard_input(small_chunks):
    rows = "".join(json.dumps({"doc_id": f"s{i}", "text": _text(50 + i, 6)}) + "\n" for i in range(10))
    one, two = (_run(["-", "--all", "--format", "jsonl", "--workers", n], input=rows) for n in ("1", "2"))
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and {json.loads(x)["doc_id"] for x in two.stdout.splitlines()} == {
        f"s{i}" for i in range(10)}


def test_order_and_doc_ids_kept(corpus, small_chunks):
    result = _run([str(corpus), "--all", "--format", "jsonl", "--workers", "2"])
    ids = [json.loads(line)["doc_id"] for line in result.stdout.splitlines()]
    first_seen = list(dict.fromkeys(ids))
    # every document's claims together, documents in the order they are read
    read = [d.doc_id for d in read_documents([str(corpus)], errors=[])]
    assert first_seen == read and len(read) == 6 + 1 + 8 + 4 + 1
    assert ids == sorted(ids, key=first_seen.index)
    starts = {}
    for line in result.stdout.splitlines():  # within a document, sentences in text order
        r = json.loads(line)
        assert r["start"] > starts.get(r["doc_id"], -1)
        starts[r["doc_id"]] = r["start"]


def test_clean_input_exits_0_with_both(tmp_path, small_chunks):
    for i in range(5):
        (tmp_path / f"d{i}.txt").write_text(_text(i, 10), encoding="utf-8")
    codes = {n: _run([str(tmp_path), "--workers", n, "--format", "jsonl"]).exit_code for n in ("1", "2", "auto")}
    assert codes == {"1": 0, "2": 0, "auto": 0}


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_bad_workers_is_a_usage_error(value):
    result = _run([str(REPO / "examples" / "article.txt"), "--workers", value])
    assert result.exit_code == 2 and "--workers" in result.stderr


def test_live_transcript_stays_in_one_process(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("a live stream must not start workers")

    monkeypatch.setattr(parallel, "_Pool", refuse)
    monkeypatch.setattr(parallel, "extract_parallel", refuse)
    lines = "SMITH: Our city cut crime by 12 percent since 2019.\nJONES: The police say burglaries doubled.\n"
    result = _run(["-", "--transcript", "--workers", "2", "--published", "2024-03-14"], input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and records[0]["source"]["text"] == "SMITH"
    assert auto_workers(["-"], live=True) == 1


def test_auto_workers_rules(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    big = tmp_path / "big"
    big.mkdir()
    for i in range(4):
        (big / f"d{i}.txt").write_text(_text(i, 10) * (parallel.MIN_PARALLEL_BYTES // 2000), encoding="utf-8")
    (tmp_path / "small.jsonl").write_text(json.dumps({"text": _text(1, 5)}) + "\n", encoding="utf-8")
    one_doc = big / "d0.txt"
    assert auto_workers([str(big)]) == 2
    assert auto_workers([str(big), "-"]) == 1  # standard input: size unknown
    assert auto_workers([str(one_doc)]) == 1  # one document: nothing to spread
    assert auto_workers([str(tmp_path / "small.jsonl")]) == 1  # under the threshold
    assert auto_workers([str(tmp_path / "missing")]) == 1  # the read reports it
    assert auto_workers([str(big)], live=True) == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert auto_workers([str(big)]) == 1

    class TorchPart:  # stands for an accurate-tier part
        pass

    TorchPart.__module__ = "factcheck.accurate"

    class Adapted:
        def __init__(self, base):
            self.base_ = base

    fast = load_model("fast")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert auto_workers([str(big)], model=fast) == 2
    for torchy in (TorchPart(), Adapted(TorchPart())):
        model = type("M", (), {"checkworthy": fast.checkworthy, "attribution": torchy})()
        assert auto_workers([str(big)], model=model) == 1


# ---------------------------------------------------------------------------------------------
# The library


def _docs(n: int = 30) -> list[Document]:
    return [Document(f"doc-{i}", _text(i, 4 + i % 7)) for i in range(n)]


def test_library_same_claims_in_order():
    ex = Extractor("fast", all_sentences=True)
    docs = _docs()
    one = list(ex.extract_many(docs))
    assert list(ex.extract_many(iter(docs), workers=2)) == one
    lines = list(extract_parallel(ex, iter(docs), workers=3, encode=claim_json, chunk_chars=300))
    assert lines == [claim_json(c) for c in one]
    assert list(extract_parallel(ex, [], workers=2)) == []


def test_library_one_chunk_starts_no_worker(monkeypatch):
    ex = Extractor("fast", all_sentences=True)
    docs = _docs(3)
    want = list(ex.extract_many(docs))

    def refuse(*a, **k):
        raise AssertionError("one chunk needs no workers")

    monkeypatch.setattr(parallel, "_Pool", refuse)
    assert list(extract_parallel(ex, iter(docs), workers=2, chunk_chars=10**6)) == want


def test_library_spawned_workers_load_the_model_by_name():
    ex = Extractor("fast", threshold=0.3)
    docs = _docs(12)
    want = [claim_json(c) for c in ex.extract_many(docs)]
    got = list(extract_parallel(ex, docs, workers=2, encode=claim_json, chunk_chars=500, start_method="spawn"))
    assert got == want
    objects = Extractor(load_model("fast"))  # a model object has no name to load it by
    assert objects.model_spec is None
    with pytest.raises(FactcheckError, match="model name"):
        list(extract_parallel(objects, docs, workers=2, chunk_chars=500, start_method="spawn"))


class _Part:
    """Wraps a real model part; misbehaves on a sentence holding ``trigger``, in a worker only."""

    def __init__(self, part, trigger: str, action: str, parent: int):
        self.part, self.trigger, self.action, self.parent = part, trigger, action, parent

    def predict_proba(self, inputs):
        if os.getpid() != self.parent and any(self.trigger in x.text for x in inputs):
            if self.action == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            raise ValueError("a bad sentence")
        return self.part.predict_proba(inputs)


def _misbehaving(action: str) -> Extractor:
    fast = load_model("fast")
    model = type("M", (), {})()
    model.checkworthy = _Part(fast.checkworthy, "TRIGGER", action, os.getpid())
    model.attribution = fast.attribution
    return Extractor(model)


def test_library_worker_killed_is_an_error_not_a_hang():
    docs = _docs(20)
    docs.insert(11, Document("bad", "The TRIGGER rose 4 percent in 2020."))
    claims = extract_parallel(_misbehaving("kill"), docs, workers=2, chunk_chars=300)
    with pytest.raises(WorkerDied, match=r"worker \d of 2 died \(killed by signal 9"):
        list(claims)


def test_library_worker_exception_is_raised_here_in_its_turn():
    docs = _docs(10) + [Document("bad", "The TRIGGER rose 4 percent in 2020.")]
    ex = _misbehaving("raise")
    want = [c.doc_id for c in Extractor("fast").extract_many(docs[:10])]
    got = []
    with pytest.raises(ValueError, match="a bad sentence"):
        for claim in extract_parallel(ex, docs, workers=2, chunk_chars=1):  # a chunk per document
            got.append(claim.doc_id)
    assert got == want  # every claim before the bad document's chunk came out first


# ---------------------------------------------------------------------------------------------
# The real command in its own process: a worker killed, Ctrl-C


def _big_corpus(root: Path) -> Path:
    root.mkdir()
    for i in range(60):
        (root / f"d{i:03d}.txt").write_text(_text(i, 400), encoding="utf-8")
    return root


def _start(args, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-m", "factcheck", "extract", *args], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _workers_of(pid: int, n: int = 2, wait: float = 60.0) -> list:
    import psutil

    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        kids = [p for p in psutil.Process(pid).children() if p.name() != "sh"]
        if len(kids) >= n:
            return kids
        time.sleep(0.05)
    raise AssertionError("the workers did not start")


def _interrupted(tmp_path, interrupt):
    """Start extract with two workers on a big corpus, call ``interrupt(process, workers)`` once
    the workers run, and return (process, workers, its standard error) after it ended."""
    corpus = _big_corpus(tmp_path / "big")
    proc = _start([str(corpus), "--all", "--workers", "2", "--format", "jsonl"], tmp_path)
    try:
        kids = _workers_of(proc.pid)
        interrupt(proc, kids)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    return proc, kids, err


@pytest.mark.slow
def test_cli_worker_killed_gives_one_line_error(tmp_path):
    import psutil

    proc, kids, err = _interrupted(tmp_path, lambda proc, kids: os.kill(kids[0].pid, signal.SIGKILL))
    assert proc.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: extraction worker") and "died" in lines[0]
    assert not [k for k in kids if k.is_running() and k.status() != psutil.STATUS_ZOMBIE]


@pytest.mark.slow
def test_cli_ctrl_c_leaves_no_worker_behind(tmp_path):
    import psutil

    # what a terminal sends on Ctrl-C: SIGINT to the whole process group
    proc, kids, err = _interrupted(tmp_path, lambda proc, kids: os.killpg(proc.pid, signal.SIGINT))
    assert proc.returncode != 0 and "Traceback" not in err, (proc.returncode, err)
    gone, alive = psutil.wait_procs(kids, timeout=10)
    assert not alive


@pytest.mark.slow
def test_cli_main_killed_workers_follow(tmp_path):
    import psutil

    corpus = _big_corpus(tmp_path / "big")
    proc = _start([str(corpus), "--all", "--workers", "2", "--format", "jsonl"], tmp_path)
    try:
        kids = _workers_of(proc.pid)
        proc.kill()  # SIGKILL: the main process cannot clean up; the workers notice it is gone
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    gone, alive = psutil.wait_procs(kids, timeout=20)
    assert not alive
