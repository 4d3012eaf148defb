"""Fuzzing what users feed in: arbitrary bytes, text in many encodings and very long lines,
through `extract` and `score` (click's runner, real files). Whatever comes in: no crash, no
traceback, exit 0 or 1, and no U+FFFD in any claim."""
import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli import main

ENCODINGS = ["utf-8", "utf-16", "latin-1", "cp1252", "koi8-r", "shift_jis", "utf-8-sig"]
WORDS = ["the", "council", "said", "412", "ships", "€75", "million", "était", "déficit", "Москва", "2019",
         "percent", "about", "denies", "(APPLAUSE)", "SMITH:", "\n", "\t", "—", "「引用」",
         "<p>", "</div>", "<nav>", "<script>", "</script>", "<article>", "&euro;", "&#0;", "&#xD800;", "<br/>",
         "<!DOCTYPE html>", '<meta name="date" content="2021-13-45">']
SUFFIXES = [".txt", ".jsonl", ".csv", ".md", ".html", ".docx", ".transcript"]
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


def _text_bytes(text: str, encoding: str, suffix: str) -> bytes:
    if suffix == ".jsonl":
        text = json.dumps({"doc_id": "f", "text": text}, ensure_ascii=False) + "\n"
    elif suffix == ".csv":
        text = 'doc_id,text\nf,"' + text.replace('"', '""') + '"\n'
    return text.encode(encoding, errors="replace")


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
worded = st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join)
long_lines = st.integers(min_value=2_000, max_value=6_000).map(
    lambda n: " ".join(WORDS[i % 16] for i in range(n)))  # ~10-30 KB, not a stop in sight
inputs = st.one_of(
    st.binary(max_size=3_000),
    st.tuples(st.one_of(texts, worded, long_lines), st.sampled_from(ENCODINGS), st.sampled_from(SUFFIXES)).map(
        lambda t: _text_bytes(*t)),
)


def _check(result, out_text: str) -> None:
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    for line in out_text.split("\n"):  # JSON Lines end at \n only (a claim may hold U+2028)
        if not line:
            continue
        record = json.loads(line)
        assert "\ufffd" not in record["text"]
        assert "\ufffd" not in json.dumps(record, ensure_ascii=False)


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.mark.slow
@FUZZ
@given(data=inputs, suffix=st.sampled_from(SUFFIXES), encoding=st.sampled_from([None, "utf-8", "cp1252"]))
def test_extract_survives_anything(runner, tmp_path_factory, data, suffix, encoding):
    path = tmp_path_factory.mktemp("fuzz") / f"in{suffix}"
    path.write_bytes(data)
    args = ["extract", str(path), "--all", "--format", "jsonl"] + (["--encoding", encoding] if encoding else [])
    result = runner.invoke(main, args)
    _check(result, result.stdout)


@pytest.mark.slow
@settings(FUZZ, max_examples=12)
@given(files=st.lists(st.tuples(inputs, st.sampled_from(SUFFIXES)), min_size=1, max_size=3))
def test_score_survives_anything(runner, tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("fuzzdir")
    for i, (data, suffix) in enumerate(files):
        (folder / f"f{i}{suffix}").write_bytes(data)
    out = folder.parent / f"{folder.name}.jsonl"
    result = runner.invoke(main, ["score", str(folder), "-o", str(out), "--all", "--no-progress"])
    _check(result, out.read_text(encoding="utf-8") if out.exists() else "")
    if result.exit_code == 0:
        assert out.exists()
