"""Hand-written claim records for the queue tests (no shared data needed)."""
from __future__ import annotations

import json

SENTENCES = [
    ("The county says it paved 41 miles of road in 2021.", "sourced", 0.9, 0.1),
    ("Rents rose roughly 12 percent last year, some estimates suggest.", "estimated", 0.8, 0.2),
    ("The mayor denies that 300 jobs were cut at the depot.", "contested", 0.7, 0.9),
    ("Ferry traffic doubled between 2015 and 2020.", "unsourced", 0.6, 0.05),
    ("The school board spent $2.4 million on new buses.", "sourced", 0.5, 0.3),
    ("Officials said the reservoir holds 80 percent of capacity.", "sourced", 0.4, 0.1),
]


def records(n: int | None = None, doc_id: str = "harbour-town") -> list[dict]:
    """Return claim records in spec/CLAIMS.md section 4 form, one document, in text order."""
    out, start = [], 0
    rows = SENTENCES if n is None else [SENTENCES[i % len(SENTENCES)] for i in range(n)]
    for i, (text, label, cw, contested) in enumerate(rows):
        if n is not None and n > len(SENTENCES):
            text = f"{text[:-1]} (item {i})."
        scores = {"sourced": 0.9 if label == "sourced" else 0.1,
                  "estimated": 0.8 if label == "estimated" else 0.1, "contested": contested}
        out.append({"claim_id": f"c{i:04d}", "doc_id": doc_id, "text": text, "start": start,
                    "end": start + len(text), "checkworthiness": cw, "label": label, "scores": scores,
                    "cues": [], "source": None, "facets": []})
        start += len(text) + 1
    return out


def write_jsonl(path, rows) -> str:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write((row if isinstance(row, str) else json.dumps(row)) + "\n")
    return str(path)


def undo_and_check(q, stacks: dict, who: str) -> None:
    """Undo ``who``'s last verdict and check it against ``stacks`` ((claim, who) -> [(verdict_id,
    answer), ...], the model a state-machine test keeps): the newest current one is retracted."""
    mine = [(stack[-1][0], key) for key, stack in stacks.items() if key[1] == who and stack]
    undone = q.undo_last(who)
    if not mine:
        assert undone is None
        return
    _, key = max(mine)
    assert undone["supersedes"] == stacks[key][-1][0]
    stacks[key].pop()
