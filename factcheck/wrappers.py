"""Strip what wraps a sentence without changing what it says, before a check-worthiness model reads it.

Transcripts, quote collections and news copy wrap the same sentence in different ways:
quotation marks (straight, curly, doubled by a CSV writer), a speaker tag after it (``, he
said.``, ``— SANDERS``) or before it (``SANDERS:``), a stage direction (``(APPLAUSE)``), leading
dashes or ellipses, final full stops, odd white space. None of these makes a sentence more or
less worth checking, so both check-worthiness tiers score :func:`strip_wrappers` of the text and
their scores do not move with them (``tests/test_checkworthy_invariance.py``). Letter case is
left as it is here; the models read lower-cased words (the fast tier) or an uncased tokenizer
(the fine-tuned tier).
"""
from __future__ import annotations

import re

# Stage directions of debate and speech transcripts, in round or square brackets.
_STAGE_WORDS = (r"applause|crosstalk|cross-talk|cross talk|laughter|laughs|laughing|cheers|cheering|booing|boos|"
                r"inaudible|unintelligible|silence|music|pause|bell|bell rings|bell ringing|audience reacts|"
                r"audience reaction|commercial break|break|end video clip|begin video clip|video clip|"
                r"mixed reaction|groans|whistles|chanting|sighs|coughs|unknown|off mic|off-mic")
_STAGE = re.compile(r"[(\[]\s*(?:" + _STAGE_WORDS + r")\s*[.!]?\s*[)\]]", re.I)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
                         "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "\u00a0": " ", "\u2009": " ",
                         "\u202f": " ", "\u200b": ""})
_SPACE = re.compile(r"\s+")
_REPORT = (r"said|says|say|added|adds|told reporters|told \w+|stated|states|declared|declares|explained|"
           r"argued|argues|insisted|insists|noted|notes|remarked|replied|replies|continued|asked|asks|"
           r"wrote|writes|tweeted|recalled|warned|warns|claimed|claims|contended|maintained")
_NAME = r"(?:he|she|they|i|we|it|(?:[A-Za-z][\w.'-]*)(?:\s+[A-Z][\w.'-]*){0,2})"
# `"…," he said.` / `…, Smith added.` / `…, said Smith.` at the end of a sentence
_TAG_AFTER = re.compile(r"""(?:,|,?\s*["'])\s*["']?\s*(?:""" + _NAME + r"\s+(?:" + _REPORT + r")|(?:said|says|added)\s+"
                        + _NAME + r""")\s*[.!]?\s*["']?\s*$""", re.I)
# `… — SANDERS` / `… -- Mr. Smith` at the end
_TAG_DASH = re.compile(r"\s+(?:-{1,2}|[–—―])\s*(?:[A-Z][A-Za-z.'-]*)(?:\s+[A-Z][A-Za-z.'-]*){0,2}\s*:?\s*$")
# `SANDERS:` / `MR. SMITH:` at the start (a name in capitals and a colon)
_TAG_BEFORE = re.compile(r"^\s*[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,2}\s*:\s+")
_LEAD = re.compile(r"^[\s\-–—―•·*>.…,;:'\"]+")
_TRAIL = re.compile(r"[\s\-–—―.…,;:'\"]+$")


def strip_wrappers(text: str) -> str:
    """Return the sentence without its wrappers: stage directions, speaker tags, quotation
    marks (all double quotes, and single quotes around the whole sentence), leading dashes and
    ellipses, final stops, and with white space collapsed. Words, numbers, letter case and a
    final ``?`` or ``!`` are kept; a text that is only wrapper becomes ``""``."""
    t = text.translate(_QUOTES)
    t = _STAGE.sub(" ", t)
    t = _SPACE.sub(" ", t).strip()
    t = _TAG_BEFORE.sub("", t)
    t = _TAG_DASH.sub("", t)
    t = _TAG_AFTER.sub("", t) if '"' in t or "," in t else t
    t = t.replace('"', " ")
    t = _SPACE.sub(" ", t).strip()
    for _ in range(2):  # a wrapper may sit inside another (`... "word." --`)
        t = _LEAD.sub("", t)
        t = _TRAIL.sub("", t)
    return t
