"""The noun phrase a number counts: *236 political prisoners* counts ``political prisoners``.

No tagger: the phrase runs from the number over words that can belong to a noun phrase and
ends at its first plural noun (*two other recent death penalty cases*), optionally followed by
*of* and a name (*two more members of Congress*). A number word must count a plural noun;
a figure may stand alone (*with 282 voting against*).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .words import COUNT_MODIFIERS, MONTHS, NOT_COUNTED, SMALL_NUMBERS, TIME_UNITS, WEEKDAYS

_WORD = re.compile(r"\s+((?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z][a-z])|[A-Za-z](?:[A-Za-z&'’-]*[A-Za-z])?)(?![\w])")
_OF_NAME = re.compile(r"\s+of\s+((?:the\s+)?(?:[A-Z][\w&'’.-]*\s*){1,4})")
_OF_PART = re.compile(r"\s+(?:out\s+)?of(?:\s+(?P<pron>them|these|those|us|which|whom|['‘’]em)\b"
                      r"|\s+(?:the|its|their|his|her|our|my|your)\b|(?=\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?['’]s\s)"
                      r"|(?=\s+(?:\d|(?:" + "|".join(SMALL_NUMBERS) + r")\b)))", re.I)
#: after *and*: a modifier and a plural noun (*civic and business leaders*), not a clause
_COORDINATED = re.compile(r"(?:\s+[A-Za-z][\w'’-]*){1,2}?\s+[A-Za-z][\w'’-]*s\b(?!['’])")
#: a model designation inside the phrase: *30 F-16 fighters*, *three 737 MAX jets*, *two A320 aircraft*
_DESIGNATION = re.compile(r"\s+(?:[A-Z]{1,3}-?\d+[A-Z]{0,2}|\d+\s+[A-Z]{2,})(?=\s+[A-Za-z])")
#: a count's noun after *among* or *in*: *39 among superdelegates*, *1,153 in pledged delegates*
_DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())
_AMONG = re.compile(r"\s+(?i:among|in)(?=\s+[a-z])")
#: a word of order before the whole of a partitive: *the past nine*, *the last 12*
_ORDER = re.compile(r"\s+(?:past|last|first|next|previous|remaining|other)(?=\s+(?:\d|(?:"
                    + "|".join(SMALL_NUMBERS) + r")\b))", re.I)
_POSSESSIVES = re.compile(r"(?:\s+[A-Za-z][\w.&-]*(?:['’]s|s['’]))+")
_NUMBER_WORD = "(?:" + "|".join(SMALL_NUMBERS) + ")"
_FIGURE = re.compile(r"\s+(?:[\d,.]+|" + _NUMBER_WORD + "(?:-" + _NUMBER_WORD + r")?\b)", re.I)
IRREGULAR_PLURALS = frozenset("""
people men women children police staff personnel cattle sheep fish deer aircraft crew media
data feet teeth mice geese youth clergy livestock militia faithful elderly poor rich homeless
unemployed
""".split())
#: what happened to those counted, not what they are: "30 injured" counts people
_STATES = frozenset("dead injured wounded missing killed hurt".split())
_TIME_PLURALS = frozenset(TIME_UNITS.values()) | frozenset(TIME_UNITS)
_NOT_NOUNS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_FRACTIONS = frozenset("halves thirds quarters fourths fifths sixths sevenths eighths ninths tenths".split())


@dataclass(slots=True)
class Phrase:
    """What a number counts: the unit (lower case, may be None), where it ends, and whether
    the head noun is a unit of time (then the number is a duration)."""

    unit: str | None
    end: int
    is_time: bool
    plural: bool
    #: the head is a fraction word (two thirds, three quarters)
    fraction: bool = False


def is_plural(word: str) -> bool:
    """Return whether a (lower-case) noun looks plural."""
    if word in IRREGULAR_PLURALS or word.endswith("children"):
        return True
    if word.endswith("men") and len(word) > 4 and not word.endswith(("imen", "omen", "umen", "amen")):
        return True  # congressmen, firemen (not specimen, abdomen, acumen)
    if ("-in-" in word or "-at-" in word or word.endswith("-general")) and is_plural(word.split("-", 1)[0]):
        return True  # brothers-in-law, attorneys-general
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def pluralise(word: str) -> str:
    """Return the plural of a singular noun (*member* -> *members*, *party* -> *parties*)."""
    word = word.lower()
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _next_word(text: str, pos: int, hi: int) -> str:
    """Return the lower-case word right after ``pos`` ('' for none)."""
    m = _WORD.match(text, pos, hi)
    return m.group(1).lower() if m else ""


def _phrase_words(text: str, pos: int, hi: int) -> tuple[list[str], int, bool]:
    """Return the words of the noun phrase from ``pos``, where it ends and whether it ended
    at a plural noun."""
    words: list[str] = []
    end = until = pos
    taken = 0
    while taken < 6:
        designation = _DESIGNATION.match(text, end, hi) if not words else None
        if designation:
            words.append(designation.group().strip())  # 30 F-16 fighters: a name modifies the noun
            end = designation.end()
            taken += 1
            continue
        m = _WORD.match(text, end, hi)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if len(word) == 2 and word[1] == ".":
            words.append(word)  # an initial is part of the name around it: no word of its own
            end = m.end()
            continue
        taken += 1
        coordinated = _COORDINATED.match(text, m.end(), hi) if low in ("and", "or") and words else None
        if coordinated:
            words.append(low)  # eleven civic and business groups: two modifiers of one noun
            end = m.end()
            until = coordinated.end()  # the plural that ends it (200 uniformed and plainclothes police officers)
            continue
        following = _WORD.match(text, m.end(), hi) if len(word) > 1 and word.isupper() and word.isalpha() else None
        if following and not following.group(1).isupper() and low not in _NOT_NOUNS:
            words.append(word)  # three US vessels, 40 NATO members: an acronym modifies, it is no pronoun
            end = m.end()
            continue
        if not words and low in ("earlier", "later") and is_plural(_next_word(text, m.end(), hi)):
            words.append(word)  # 15 earlier contests: an adjective before the counted noun
            end = m.end()
            continue
        if low in NOT_COUNTED or low in _NOT_NOUNS or (not words and low in _STATES):
            break
        if words and low.endswith("ed") and len(low) > 4 and low not in IRREGULAR_PLURALS \
                and not words[-1].lower().endswith("ly") and "-" not in low:
            # 25 randomly selected sites: an adverb's participle modifies; four rotating
            # battalion-sized units: a hyphenated compound is an adjective
            break  # "workers walked": the verb ends the phrase
        if low in TIME_UNITS and words and all(w.lower() in COUNT_MODIFIERS for w in words):
            return words + [word], m.end(), False  # one more day: a unit of time ends the phrase
        words.append(word)
        end = m.end()
        if is_plural(low) and end >= until:
            return words, end, True
    return words, end, False


def counted_phrase(text: str, pos: int, hi: int) -> Phrase | None:
    """Return what the number ending at ``pos`` counts, or None when no noun follows it."""
    part = _OF_PART.match(text, pos, hi)
    if part:
        # partitive: "two of the most successful offerings", "seven of 192 claims", "300,000 of them"
        if part.group("pron"):
            return Phrase(None, pos, False, True)
        start = part.end()
        order = _ORDER.match(text, start, hi)
        if order:
            start = order.end()  # eight of the past nine contests
        owner = _POSSESSIVES.match(text, start, hi)
        if owner:
            start = owner.end()  # nine of the state's 12 judges
        fig = _FIGURE.match(text, start, hi)
        if fig and fig.end() > start:
            start = fig.end()
        words, _, plural = _phrase_words(text, start, hi)
        if not words:
            return None
        return Phrase(_unit(words), pos, False, plural)
    words, end, plural = _phrase_words(text, pos, hi)
    if not words:
        among = _AMONG.match(text, pos, hi)
        if among:
            words, end, plural = _phrase_words(text, among.end(), hi)  # 39 among superdelegates
            if not plural or words[-1].lower() in _TIME_PLURALS or (
                    among.group().strip().lower() == "in" and words[0].lower() in _DETERMINERS):
                return None  # 30 in the months ahead, 5 in the state's prisons: a place or a time
        else:
            return None
    if plural:
        of = _OF_NAME.match(text, end, hi)
        name = _name_of(text, of, hi) if of else None
        if name:
            words = words + ["of", name]
            end = of.start(1) + len(name)
    head = words[-1].lower() if plural or words[-1].lower() in TIME_UNITS else ""
    unit = _unit(words)
    return Phrase(unit, end, head in _TIME_PLURALS, plural, head in _FRACTIONS)


def _name_of(text: str, of: re.Match, hi: int) -> str | None:
    """Return the name after *of* that ends a counted phrase (*members of Congress*), without a
    sentence's full stop; None when the name only modifies what follows (*pages of Clinton's
    emails*, *people of Philippine descent*)."""
    name = of.group(1).rstrip()
    if name.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", name):
        name = name[:-1]  # Congress. ends the sentence; U.S. keeps its dot
    after = text[of.start(1) + len(name):hi]
    if re.match(r"['’]s\b", after):
        return None
    if re.match(r"\s+[a-z]", after) and re.fullmatch(r"[A-Z][a-z]+(?:an|ine|ese|ish|ic|i)", name):
        return None  # of Philippine descent, of Korean origin: an adjective, not a name
    return name or None


def _unit(words: list[str]) -> str | None:
    """Return the unit a count carries: the noun phrase in lower case, minus leading modifiers."""
    while len(words) > 1 and words[0].lower() in COUNT_MODIFIERS:
        words = words[1:]
    unit = " ".join(words).lower().strip(" .,")
    return unit or None
