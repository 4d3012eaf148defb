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
_QUOTES = {"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
            "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "\u00a0": " ", "\u2009": " ",
            "\u202f": " ", "\u200b": ""}
_REPORT = (r"said|says|added|adds|told reporters|told \w+|stated|declared|declares|explained|"
           r"argued|argues|insisted|insists|noted|remarked|replied|replies|continued|"
           r"wrote|writes|tweeted|recalled|warned|warns|claimed|claims|contended|maintained")
_NAME = r"(?:he|she|they|i|we|it|(?:[A-Za-z][\w.'-]*)(?:\s+[A-Z][\w.'-]*){0,2})"
# `"…," he said.` / `…, Smith added.` / `…, said Smith.` at the end of a sentence
_TAG_AFTER = re.compile(r"""(?:,\s*"?|")\s*(?:""" + _NAME + r"\s+(?:" + _REPORT + r")|(?:said|says|added)\s+"
                        + _NAME + r""")\s*[.!]?\s*"?\s*$""", re.I)
# `… — SANDERS` / `… -- MR. SMITH` at the end, and `SANDERS:` at the start: a name in capitals,
# taken for a tag only when the rest of the text has small letters (so that upper-casing a
# whole sentence cannot turn its last words into a tag)
_TAG_DASH = re.compile(r"\s+(?:-{1,2}|[–—―])\s*[A-Z][A-Z.'-]*(?:\s+[A-Z][A-Z.'-]*){0,2}\s*:?\s*$")
_TAG_BEFORE = re.compile(r"^\s*[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,2}\s*:\s+")
_SMALL = re.compile(r"[a-z]")
_DASHES = "-–—―"
# what leads and trails a sentence as wrapping, as characters for str.lstrip / str.rstrip
# (white space as ``\s`` and str.split see it; none lies above U+3000)
_WHITE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
_LEAD_CHARS = _WHITE + "-–—―•·*>.…,;:'\""
_TRAIL_CHARS = _WHITE + "-–—―.…,;:'\""


def _tag_after_from(t: str) -> int:
    """Return where a tag after the text can start at the earliest: what follows its opening
    comma or quotation mark holds no comma and at most two quotation marks, so it opens at
    the last comma, else at one of the last two quotation marks."""
    comma = t.rfind(",")
    if comma >= 0:
        return comma
    last = t.rfind('"')
    if last <= 0:
        return 0
    before = t.rfind('"', 0, last)
    return before if before >= 0 else last


def strip_wrappers(text: str) -> str:
    """Return the sentence without its wrappers: stage directions, speaker tags, quotation
    marks (all double quotes, and single quotes around the whole sentence), leading dashes and
    ellipses, final stops, and with white space collapsed. Words, numbers, letter case and a
    final ``?`` or ``!`` are kept; a text that is only wrapper becomes ``""``."""
    # every character _QUOTES maps is non-ASCII, and none is put in for another, so replacing
    # the few present one after the other is str.translate at a fraction of its cost
    t = text
    if not t.isascii():
        for mark, plain in _QUOTES.items():
            if mark in t:
                t = t.replace(mark, plain)
    # " ".join(split()) collapses and strips white space
    if "(" in t or "[" in t:
        t = _STAGE.sub(" ", t)
    t = " ".join(t.split())
    if '""' in t:
        t = re.sub(r'"{2,}', '"', t)  # quotes doubled by a CSV writer
    for tag, marks in ((_TAG_BEFORE, ":"), (_TAG_DASH, _DASHES)):
        if not any(c in t for c in marks):
            continue  # the tag has none of its marks: no need to look for it
        m = tag.search(t)
        if m and _SMALL.search(t[:m.start()] + t[m.end():]):
            t = t[:m.start()] + t[m.end():]
    if "," in t or '"' in t:  # a tag after the text opens with one of them
        for _ in range(2):  # `"..., as I said," he said.`
            m = _TAG_AFTER.search(t, _tag_after_from(t))
            if not m:
                break
            t = t[:m.start()] + t[m.end():]
    t = " ".join(t.replace('"', " ").split())
    # a wrapper may sit inside another (`... "word." --`): stripping both ends once removes all
    return t.lstrip(_LEAD_CHARS).rstrip(_TRAIL_CHARS)


def _plain(s: str) -> str:
    return s.rstrip(" .")


#: wrappers that carry no meaning, by name: what the invariance tests and
#: ``scripts/eval_checkworthy.py`` put around real sentences
WRAPPERS = {
    "straight quotes": lambda s: f'"{s}"',
    "curly quotes": lambda s: f"\u201c{s}\u201d",
    "doubled quotes (CSV)": lambda s: f'"""{s}"""',
    "quote and 'he said'": lambda s: f'"{_plain(s)}," he said.',
    "curly quote and 'she added'": lambda s: f"\u201c{_plain(s)},\u201d she added.",
    "speaker after a dash": lambda s: f"{s} \u2014 SANDERS",
    "speaker after two hyphens": lambda s: f"{s} -- MODERATOR",
    "leading dash": lambda s: f"\u2014 {s}",
    "leading ellipsis": lambda s: f"... {s}",
    "upper case": lambda s: s.upper(),
    "lower case": lambda s: s.lower(),
    "white space": lambda s: "  " + s.replace(" ", "  \t") + " \n",
    "applause after": lambda s: f"{s} (APPLAUSE)",
    "crosstalk before": lambda s: f"(CROSSTALK) {s}",
    "laughter inside": lambda s: s.replace(" ", " [LAUGHTER] ", 1),
}
