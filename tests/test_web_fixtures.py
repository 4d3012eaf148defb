"""Hand-written queues for the web tests (imported by the other ``test_web*`` modules).

The article is invented for these tests. Offsets are computed from the document text, so
``doc[start:end] == text`` holds for every claim, facet and cue, as the spec requires.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from factcheck.queue import Queue  # noqa: E402

DOC = (
    "Harbour Town opened its new ferry terminal on Monday. "
    "The port authority said 1,200 passengers used it on the first day. "
    "Officials expect the terminal to cost about $40 million by 2026. "
    "A local union disputes the figure, which the council denies. "
    "Ticket prices rose 12 percent last year, according to the city's transport office. "
    "Some residents believe the old pier will close within three years."
)
HOSTILE_DOC = (
    "Intro sentence with <b>bold</b> markup. "
    "The minister said <script>alert('x')</script> that 75 percent of <img src=x onerror=alert(1)> schools reopened. "
    "Closing line \"quoted\" & done."
)


def _span(doc: str, text: str, after: int = 0) -> tuple[int, int]:
    start = doc.index(text, after)
    return start, start + len(text)


def record(doc_id: str, doc: str, sentence: str, *, label: str = "unsourced", checkworthiness: float = 0.8,
           scores: dict | None = None, facets=(), cues=(), source: str | None = None) -> dict:
    """Return a claim record (spec/CLAIMS.md section 4) for ``sentence`` of ``doc``."""
    start, end = _span(doc, sentence)
    rec = {
        "doc_id": doc_id, "text": sentence, "start": start, "end": end,
        "checkworthiness": checkworthiness, "label": label,
        "scores": scores or {"sourced": 0.1, "estimated": 0.1, "contested": 0.1},
        "cues": [], "source": None, "facets": [],
    }
    for cue_label, text in cues:
        s, e = _span(doc, text, start)
        rec["cues"].append({"label": cue_label, "text": text, "start": s, "end": e})
    for kind, text, value in facets:
        s, e = _span(doc, text, start)
        rec["facets"].append({"kind": kind, "text": text, "value": value, "start": s, "end": e,
                              "approximate": False})
    if source:
        s, e = _span(doc, source, start)
        rec["source"] = {"text": source, "start": s, "end": e}
    return rec


def article_records() -> list[dict]:
    """Return the claims of the invented ferry article, most check-worthy first."""
    sents = re.findall(r"[^.]+\.", DOC)
    sents = [s.strip() for s in sents]
    return [
        record("ferry", DOC, sents[0], checkworthiness=0.55, facets=[("date", "on Monday", None)]),
        record("ferry", DOC, sents[1], label="sourced", checkworthiness=0.95,
               scores={"sourced": 0.9, "estimated": 0.1, "contested": 0.05},
               cues=[("sourced", "said")], source="The port authority",
               facets=[("count", "1,200 passengers", 1200)]),
        record("ferry", DOC, sents[2], label="estimated", checkworthiness=0.9,
               scores={"sourced": 0.3, "estimated": 0.85, "contested": 0.1},
               cues=[("estimated", "about"), ("estimated", "expect")],
               facets=[("money", "$40 million", 40000000), ("date", "2026", "2026")]),
        record("ferry", DOC, sents[3], label="contested", checkworthiness=0.7,
               scores={"sourced": 0.2, "estimated": 0.1, "contested": 0.9},
               cues=[("contested", "disputes"), ("contested", "which the council denies")]),
        record("ferry", DOC, sents[4], label="sourced", checkworthiness=0.85,
               scores={"sourced": 0.8, "estimated": 0.1, "contested": 0.1},
               cues=[("sourced", "according to")], source="the city's transport office",
               facets=[("percent", "12 percent", 12), ("date", "last year", None)]),
        record("ferry", DOC, sents[5], label="estimated", checkworthiness=0.3,
               scores={"sourced": 0.1, "estimated": 0.7, "contested": 0.1},
               facets=[("quantity", "three years", 3)]),
    ]


def hostile_records() -> list[dict]:
    """Return claims whose text, facets, cues and ids carry markup meant to run script."""
    sentence = "The minister said <script>alert('x')</script> that 75 percent of <img src=x onerror=alert(1)> schools reopened."
    rec = record("<script>alert('doc')</script>", HOSTILE_DOC, sentence, label="sourced", checkworthiness=0.99,
                 scores={"sourced": 0.9, "estimated": 0.1, "contested": 0.1},
                 cues=[("sourced", "said")], source="The minister",
                 facets=[("percent", "75 percent", "<img src=y onerror=alert(2)>")])
    rec["claim_id"] = "hostile-1"
    rec["facets"].append({"kind": "<svg onload=alert(3)>", "text": "<script>", "value": None,
                          "start": rec["start"] + sentence.index("<script>"),
                          "end": rec["start"] + sentence.index("<script>") + 8, "approximate": False})
    before = record("<script>alert('doc')</script>", HOSTILE_DOC, "Intro sentence with <b>bold</b> markup.",
                    checkworthiness=0.2)
    before["claim_id"] = "hostile-0"
    return [before, rec]


@dataclass
class WebQueue:
    """A queue file with reviewers and their secrets."""

    path: Path
    secrets: dict = field(default_factory=dict)
    claim_ids: list = field(default_factory=list)
    texts: dict = field(default_factory=dict)

    def find(self, fragment: str) -> str:
        """Return the id of the claim whose text contains ``fragment``."""
        return next(cid for cid, text in self.texts.items() if fragment in text)


def build_queue(path: Path, *, blind: bool = False, reviews_per_claim: int = 1, hostile: bool = False) -> WebQueue:
    """Return a queue at ``path`` with the ferry claims, reviewers alice and bob and editor ed."""
    with Queue(path) as q:
        q.init(blind=blind, reviews_per_claim=reviews_per_claim)
        records = article_records() + (hostile_records() if hostile else [])
        result = q.add_claims(records, model="test-model", model_version="1")
        assert result.added == len(records), result.errors
        wq = WebQueue(path)
        for name, role in (("alice", "reviewer"), ("bob", "reviewer"), ("ed", "editor")):
            wq.secrets[name] = q.add_reviewer(name, role)
        rows = q.list_items(limit=100)
        wq.claim_ids = [row["claim_id"] for row in rows]
        wq.texts = {row["claim_id"]: row["text"] for row in rows}
    return wq


def login(client, name: str, secret: str) -> str:
    """Log ``client`` in through the form and return the CSRF token of the session."""
    response = client.post("/login", data={"name": name, "secret": secret}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return client.cookies.get("factcheck_csrf")


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def test_fixture_offsets_point_at_the_text():
    for doc, records in ((DOC, article_records()), (HOSTILE_DOC, hostile_records())):
        for rec in records:
            assert doc[rec["start"]:rec["end"]] == rec["text"]
            for span in rec["facets"] + rec["cues"] + ([rec["source"]] if rec["source"] else []):
                assert doc[span["start"]:span["end"]] == span["text"]
