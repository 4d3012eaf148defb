"""Words of a claim for matching: cleaning, content words, named words.

Queries are often posts copied from social media, which carry what the claim does not say: links,
and the signature an embedded post ends with (*— Name (@handle) January 6, 2020*, the form
Twitter's embed code writes). :func:`clean` removes both, so that the date a post was written is
not read as a date the claim states.
"""
from __future__ import annotations

import re
from functools import lru_cache

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.I)
#: the signature of an embedded post: dash, a name, (@handle), a date at the very end
_SIGNATURE = re.compile(r"\s*[—–-]+\s*[^—–()\n]{0,80}\(@\w+\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$")
_WORD = re.compile(r"[^\W_]+", re.U)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_TAG = re.compile(r"[#@](\w+)")
_NAMED = re.compile(r"(?<![\w'’])(?:[A-Z][\w'’-]*[A-Za-z]|[A-Z]{2,}|\d[\d,.]*)")

#: function words left out of lexical queries: they match nearly every claim (a general
#: English list, written here)
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves rt via amp s t don didn doesn isn
wasn aren weren won wouldn shouldn couldn
""".split())


def clean(text: str, *, signature: bool = True) -> str:
    """Return the text without links and (unless ``signature=False``) without an embedded
    post's closing signature; hashtags and handles become their words (*#IranUsa* -> *Iran Usa*)."""
    text = _URL.sub(" ", text)
    if signature:
        text = _SIGNATURE.sub("", text)
    text = _TAG.sub(lambda m: " " + m.group(1) + " " + _CAMEL.sub(" ", m.group(1)) + " ", text)
    return " ".join(text.split())


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\s*\n\s*")


def sentences(text: str) -> list[str]:
    """Return the sentences of a post, split after . ! ? or … before a space, and at line
    breaks (a rough split: enough to find the one that states a claim); those without a word left out."""
    return [s for s in _SENTENCE_END.split(text) if _WORD.search(s)]


def words(text: str) -> list[str]:
    """Return the lower-case words of a text, in order."""
    if text.isascii():  # lower-casing ASCII neither makes nor breaks a word: one pass
        return _WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """Return the words that are not function words, in order, each once."""
    return list(dict.fromkeys(w for w in words(text) if w not in STOPWORDS and len(w) > 1))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return a word without its commonest inflection (*claims*, *claimed*, *claiming* ->
    *claim*): a light stemmer, so that a figure-free word list needs no extra package."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Return the stemmed content words of a text, in order, repeats kept (for BM25)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def named_words(text: str) -> frozenset[str]:
    """Return the capitalised words and numbers of a text (lower case), not counting a
    sentence's first word: names, places, figures."""
    out = set()
    for m in _NAMED.finditer(text):
        j = m.start() - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j < 0 or text[j] in ".!?:\"“":
            continue  # a sentence's first word is capitalised anyway
        w = m.group(0).lower().rstrip(".,")
        if w not in STOPWORDS:
            out.add(w)
    return frozenset(out)
