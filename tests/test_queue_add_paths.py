"""`queue add` reads a line in extract's layout with one regular expression (queue/headrow.py) and
loads an empty queue in one transaction; whatever path a line takes, the queue must hold the same
rows and report the same lines as when every line is added alone through the general path."""
import json
import sqlite3

import pytest

from factcheck.queue import Queue, schema
from factcheck.queue import store
from factcheck.queue.headrow import head_row
from factcheck.queue.importer import read_claim_files


def claim(i: int, **changes) -> dict:
    """A record in the order Claim.to_dict writes it."""
    rec = {"claim_id": f"k{i:03d}", "doc_id": f"paper-{i // 5}", "text": f"Prices rose by {i} percent last year.",
           "start": i * 50, "end": i * 50 + 34, "checkworthiness": round(0.013 * i, 4), "label": "estimated",
           "scores": {"sourced": 0.12, "estimated": 0.81, "contested": round(0.007 * i, 4)},
           "cues": [{"label": "estimated", "text": "rose by", "start": i * 50 + 7, "end": i * 50 + 14}],
           "source": None, "facets": [{"kind": "percent", "text": f"{i} percent", "value": i, "start": 0, "end": 9,
                                       "approximate": False}]}
    rec.update(changes)
    return rec


def odd_lines() -> list[str]:
    """Lines of every shape the queue meets: extract's own, and the odd ones."""
    lines = [json.dumps(claim(i)) for i in range(30)]  # ensure_ascii: escapes stay escaped
    lines += [
        json.dumps(claim(30, text='He said "no" \\ twice\ttoday.')),           # escapes in the text
        json.dumps(claim(31, text="Café prices ☕ rose 😀 by 3%."), ensure_ascii=False),  # raw UTF-8
        json.dumps(claim(32, text="Café prices ☕ rose 😀 by 3%.")),          # \u escapes, a surrogate pair
        json.dumps(claim(33, checkworthiness=-0.0)),
        json.dumps(claim(34, checkworthiness=1, scores={"sourced": 0, "estimated": 1, "contested": 0})),
        json.dumps(claim(35)).replace('"checkworthiness": 0.455', '"checkworthiness": 4.55E-1'),
        json.dumps(claim(36)).replace('"checkworthiness": 0.468', '"checkworthiness": 1e400'),  # not finite
        json.dumps(claim(37, checkworthiness=float("nan"))),                  # NaN: Python reads it, SQLite not
        json.dumps(claim(38, claim_id="")),                                   # the queue makes the id
        json.dumps({k: v for k, v in claim(39).items() if k != "claim_id"}),
        json.dumps(claim(40, label="")),                                      # the label from the scores
        json.dumps({k: v for k, v in claim(41).items() if k != "label"}),
        json.dumps(claim(42, scores=None, label="sourced")),
        json.dumps(claim(43, text=" \u00a0\t ")),                             # only white space
        json.dumps(claim(44, text="\u00a0Rates fell.\u2028")),
        json.dumps(claim(45)).replace('"text": ', '"text": "first", "text": '),  # a key twice in the head
        json.dumps(claim(46)) [:-1] + ', "label": "contested"}',                # a key again after the cues
        json.dumps(claim(47)).replace('"cues": [', '"cues": [}'),             # broken after the head
        json.dumps(claim(48))[:-1],                                           # cut short
        json.dumps(claim(49, start="12")),                                    # a number as text
        json.dumps(claim(50, start=10**30)).replace(str(10**30), "1" + "0" * 30),
        json.dumps(claim(51, end=-0)).replace('"end": 0', '"end": -0'),
        json.dumps(claim(52, doc_id=7)),
        json.dumps(claim(53, model="slow", model_version="2")),
        json.dumps(claim(5)),                                                 # the same claim again
        json.dumps(claim(54, claim_id="k005", text="Another text, same id.")),
        json.dumps(claim(55, scores={"sourced": "0.2", "estimated": 0.9, "contested": None})),
        json.dumps(claim(56)).replace('"text": "', '"text": "\\u0074ab \\u0001 '),  # control and ASCII escapes
        json.dumps(claim(57)).replace('"claim_id": "k057"', '"claim_\\u0069d": "k057"'),  # an escaped key
        json.dumps(claim(58)).replace('"label": "estimated"', '"label": "estim\\x"'),   # a bad escape
        json.dumps(claim(59)).replace(", ", ","),                             # compact separators
        "[1, 2]",
        "not json at all",
        json.dumps(claim(60, text="x" * 5000)),
        json.dumps(claim(61)).replace('"start": 3050', '"start": 03050'),     # a leading zero
    ]
    return lines


def table(path) -> tuple[list, list]:
    conn = sqlite3.connect(path)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(items)") if r[1] != "added_at"]
    rows = conn.execute(f"SELECT {', '.join(repr(c) for c in cols)} FROM items ORDER BY claim_id").fetchall()
    indexes = sorted(r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    conn.close()
    return rows, indexes


@pytest.mark.parametrize("model", [None, "fast"])
def test_bulk_and_regex_paths_store_what_line_by_line_stores(tmp_path, monkeypatch, model):
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(odd_lines()) + "\n", encoding="utf-8")
    with Queue(tmp_path / "fast.queue") as q:
        fast = q.add_rows(read_claim_files([str(path)]), model=model)
    # the reference: the general path (no regex), each line in its own call and transaction
    monkeypatch.setattr(store, "head_row", lambda *a: None)
    with Queue(tmp_path / "slow.queue") as q:
        added = dups = 0
        errors = []
        for row in read_claim_files([str(path)]):
            result = q.add_rows([row], model=model)
            added, dups = added + result.added, dups + result.duplicates
            errors += result.errors
    assert (fast.added, fast.duplicates) == (added, dups)
    assert [(e.line, str(e)) for e in fast.errors] == [(e.line, str(e)) for e in errors]
    assert table(tmp_path / "fast.queue") == table(tmp_path / "slow.queue")
    # the odd lines were odd: some refused, some stored; and most lines took the regex
    assert 8 <= len(errors) and fast.added >= 50
    assert sum(head_row(line, None, None, "t") is not None for line in odd_lines()) >= 35


def test_second_load_into_a_full_queue_matches_too(tmp_path):
    path = tmp_path / "claims.jsonl"
    lines = odd_lines()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Queue(tmp_path / "a.queue") as q:
        q.add_rows(read_claim_files([str(path)]))
        again = q.add_rows(read_claim_files([str(path)]))
        assert again.added == 0
        assert again.duplicates + len(again.errors) == len(lines)
    conn = sqlite3.connect(tmp_path / "a.queue")
    names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert set(schema.SECONDARY_INDEXES) <= names


def test_head_row_is_prepare_claim_on_the_decoded_head():
    for line in odd_lines():
        got = head_row(line, None, "v1", "2026-01-01T00:00:00.000000Z")
        if got is None:
            continue
        quick = store.quick_record(line)
        assert quick is not None
        want = store.prepare_claim(quick[0], None, "v1", "2026-01-01T00:00:00.000000Z", line)
        assert got == want + (1,)  # 1: SQLite checks the whole record (the head is valid JSON)
        assert [type(v) for v in got] == [type(v) for v in want + (1,)]
