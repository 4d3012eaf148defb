"""Records round-trip through to_dict/from_dict exactly as spec/CLAIMS.md section 4 writes them."""
import datetime as dt
import json

from hypothesis import given, strategies as st

from factcheck.types import Claim, Cue, Document, Facet, Span, SentenceInput, make_claim_id, primary_label

SPEC_EXAMPLE = {
    "claim_id": "3f9c2e71d0a4b8e6",
    "doc_id": "seed-article",
    "text": "Earlier this year, the U.S. suspended its participation in a treaty.",
    "start": 2623, "end": 2691,
    "checkworthiness": 0.94,
    "label": "contested",
    "scores": {"sourced": 0.08, "estimated": 0.11, "contested": 0.97},
    "cues": [{"label": "contested", "text": "alleged", "start": 2643, "end": 2650}],
    "source": None,
    "facets": [{"kind": "date", "text": "Earlier this year", "value": "2019", "start": 2623, "end": 2640,
                "approximate": False}],
}


def test_spec_example_round_trips_exactly():
    assert Claim.from_dict(SPEC_EXAMPLE).to_dict() == SPEC_EXAMPLE


def test_money_facet_keeps_unit_and_integral_value():
    f = Facet("money", "$200 billion", 200e9, 10, 22, True, "USD")
    d = f.to_dict()
    assert d["value"] == 200000000000 and isinstance(d["value"], int)
    assert d["unit"] == "USD" and json.loads(json.dumps(d)) == d


def test_date_facet_has_no_unit_key():
    assert "unit" not in Facet("date", "2010", "2010", 0, 4).to_dict()


def test_sourced_claim_source_object():
    d = dict(SPEC_EXAMPLE, label="sourced", scores={"sourced": 0.9, "estimated": 0.1, "contested": 0.1},
             source={"text": "the Wall Street Journal", "start": 5746, "end": 5769})
    claim = Claim.from_dict(d)
    assert claim.source == Span("the Wall Street Journal", 5746, 5769)
    assert claim.labels == ["sourced"]
    assert claim.to_dict()["source"] == d["source"]


@given(st.dictionaries(st.sampled_from(["sourced", "estimated", "contested"]), st.floats(0, 1)))
def test_primary_label_follows_precedence(scores):
    label = primary_label(scores)
    present = [k for k in ("contested", "estimated", "sourced") if scores.get(k, 0) >= 0.5]
    assert label == (present[0] if present else "unsourced")


def test_claim_id_is_stable_and_depends_on_offsets():
    a = make_claim_id("d", 0, 5, "Hello")
    assert a == make_claim_id("d", 0, 5, "Hello") and a != make_claim_id("d", 1, 6, "Hello")


def test_document_published_parsing():
    doc = Document.from_dict({"doc_id": 7, "text": "x", "published": "2019-06-27T10:00:00Z"})
    assert doc.doc_id == "7" and doc.published == dt.date(2019, 6, 27)


def test_sentence_input_from_text_keeps_offsets():
    inp = SentenceInput.from_text("It said so.", prev_text="The ministry spoke.")
    assert inp.text == "It said so." and inp.prev_text == "The ministry spoke."
    assert inp.doc_text[inp.start:inp.end] == inp.text
