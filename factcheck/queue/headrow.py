"""The items row of a claim line in the exact layout ``extract`` and ``score`` write, read
with one regular expression instead of the JSON decoder.

``json.dumps(Claim.to_dict())`` always starts a line the same way: claim_id, doc_id, text,
start, end, checkworthiness, label and the three scores, with ``", "`` and ``": "`` between
them, then ``"cues"``. For such a line :func:`head_row` returns the row that
:func:`factcheck.queue.store.prepare_claim` would make from the decoded head, built from the
matched text (strings decoded by the json module's own string scanner, numbers by ``float``
and ``int`` as the decoder does). Any other line, and any value ``prepare_claim`` would
refuse, gives None and takes the general path, so what is stored and reported never depends
on which path read the line. Every key matched is at a fixed place, once, so a record with a
key twice never takes this path.
"""
from __future__ import annotations

import re
from json.decoder import scanstring

# a JSON string's body (escapes decoded later), an integer of at most 18 digits (fits SQLite),
# a JSON number; [0-9], not \d, which would take other scripts' digits
# (possessive: JSON never needs to backtrack here, and the matcher runs a third faster without it)
_STR = r'"([^"\\\x00-\x1f]*+(?:\\.[^"\\\x00-\x1f]*+)*+)"'
_INT = r"(-?+(?:0|[1-9][0-9]{0,17}+))"
_NUM = r"(-?+(?:0|[1-9][0-9]*+)(?:\.[0-9]++)?+(?:[eE][-+]?+[0-9]++)?+)"
_HEAD = re.compile(
    r'\{"claim_id": ' + _STR + r', "doc_id": ' + _STR + r', "text": ' + _STR + r', "start": ' + _INT
    + r', "end": ' + _INT + r', "checkworthiness": ' + _NUM + r', "label": ' + _STR
    + r', "scores": \{"sourced": ' + _NUM + r', "estimated": ' + _NUM + r', "contested": ' + _NUM
    + r'\}, "cues": ')


def _text(body: str) -> str:
    """Decode a JSON string's body as json.loads would (ValueError for a bad escape)."""
    return scanstring(body + '"', 0, True)[0] if "\\" in body else body


def head_row(raw: str, model: str | None, model_version: str | None, added_at: str) -> tuple | None:
    """Return the items row followed by 1 (SQLite's json_valid checks the whole record) for a
    line in the layout above, or None. The head matched is valid JSON, so checking the whole
    line is checking the rest, and costs SQLite less than cutting the rest out."""
    m = _HEAD.match(raw)
    if m is None:
        return None
    claim_id, doc_id, text, start, end, cw, label, sourced, estimated, contested = m.groups()
    try:
        if raw.find("\\", 0, m.end()) >= 0:  # an escape in the head
            claim_id, doc_id, text, label = _text(claim_id), _text(doc_id), _text(text), _text(label)
        cw = float(cw) or 0.0  # `or 0.0` as prepare_claim: -0.0 is stored as 0.0
        s, e, c = float(sourced), float(estimated), float(contested)
    except ValueError:
        return None
    if not claim_id or not label or not text or text.isspace():
        return None  # prepare_claim makes an id, a label, or refuses the record: its path decides
    if cw - cw != 0 or s - s != 0 or e - e != 0 or c - c != 0:
        return None  # not finite: prepare_claim reports it
    margin = min(abs(cw - 0.5), abs(s - 0.5), abs(e - 0.5), abs(c - 0.5))
    # model: `model or record.get("model")` in prepare_claim, and this layout has no "model"
    return (claim_id, doc_id, int(start), int(end), raw, model or None, model_version or None, added_at, text,
            label, cw, cw + (c or 0.0), margin, 1)
