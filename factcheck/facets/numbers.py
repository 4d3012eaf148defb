"""Amount facets: money, percentages, quantities, durations and counts.

Each number found by :mod:`.numerals` is read from the words around it: a currency before or
after makes it money, ``%``/``pct``/``percent`` a percentage, a unit of measure a quantity,
a unit of time a duration, and a noun phrase after it a count. Numbers that are part of a
name (*Article 50*, *Boeing 737*), times of day, ordinals, scores and phone numbers, split
ratios (*two-for-one*) and idioms give nothing. A second pass lets a bare number borrow the
unit of its neighbour: *between 168 and 170 stg*, *5.5 billion Canadian dlrs from 4.3 billion*.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .currency import currency_after, currency_before
from .hedges import is_hedged
from .numerals import RANGE_FIGURE, RANGE_START, Numeral
from .phrases import counted_phrase, is_plural, pluralise
from .words import (COMPOUND_COUNTS, FRACTIONS, FUNCTION_WORDS, IDIOMS, MARKET_WORDS, MONTHS,
                    PERCENT_WORDS, QUANTITY_UNITS, SMALL_NUMBERS, STREET_WORDS, TIME_UNITS, WEEKDAYS)


@dataclass(slots=True)
class Amount:
    """A number read as an amount, before it becomes a Facet."""

    kind: str
    start: int
    end: int
    value: int | float | None
    unit: str | None = None
    #: nothing after the figure said what it counts: it may borrow a neighbour's unit
    bare: bool = False
    #: the number as read, when the amount came from one
    numeral: Numeral | None = None
    #: hedged by words after the figure (*or so*); hedges before it are found later
    approximate: bool = False
    #: a list item that leaves its noun out (*Smith took 412 votes, Jones 97*): it takes the
    #: unit of the item before it, or is dropped
    elliptical: bool = False
    #: the first figure of a dashed range (*20-30 workers*): kept only if the range holds
    range_start: bool = False


#: *percentage points* may be hyphened: *a six-percentage-point lead*
#: British papers' *pc* (*0.5pc*, *3 pc*) in lower case only: *Windows 10 PC* is a computer
_PERCENT = re.compile(r"\s*(?:%|(?-i:pc)\b|-?\s*(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s-]")
                                                  for w in PERCENT_WORDS if w != "%") + r")\b)", re.I)
_POINTS = re.compile(r"\s+points?\b", re.I)
#: a hyphened lead or swing of points: *a 2.5-point edge*, *a six-point lead* (not *a 10-point plan*)
_POINT_LEAD = re.compile(r"-points?(?=(?:\s+[a-z]+)?\s+(?:lead|edge|advantage|margin|gap|deficit|swing|drop|fall|rise"
                         r"|jump|gain|bump|increase|decrease|decline|win|victory|loss|defeat|dip|surge)\b)", re.I)
_UNIT = re.compile(
    r"\s*-?\s*(?P<unit>" + "|".join(re.escape(u) for u in sorted(QUANTITY_UNITS, key=len, reverse=True))
    + r")\b(?P<rate>\s+(?:a|per)\s+(?:day|year|month|week|hour|tonne|ton|barrel|acre))?",
    re.I)
_TIME = re.compile(r"[\s-]+(?P<unit>" + "|".join(TIME_UNITS) + r")s?\b(?:-old)?", re.I)
_COMPOUND = re.compile(r"-(?P<word>[a-z]+)\b(?!-)")
#: suffixes that make a figure loose or a size, not a noun counted: 30-odd, 40-plus, 5,000-strong
_LOOSE_SUFFIXES = frozenset(("odd", "plus", "strong"))
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "ed", "ing", "ful", "less", "able", "ible", "ish")
_CLOCK = re.compile(r":\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|EST\b|EDT\b|BST\b|CET\b|o'clock)")
_GLUED_WORD = re.compile(r"[A-Za-z]")
_PENCE = re.compile(r"p\b")
_DASH_FIGURE = re.compile(r"[-–]\d")
#: what stands before the end of a range of figures: the first figure and the dash
_RANGE_END_BEFORE = re.compile(RANGE_FIGURE + "-$")
_CAPITAL_WORD = re.compile(r"([A-Z][\w&'’.-]*)\s+$")
_NAME_MARK = re.compile(r"(?:\bNo\.?|\bno\.|#|\bNos\.?)\s*$")
#: a noun that numbers the parts of a whole: *part 2*, *chapter 11*, *round 3*
_LABEL_BEFORE = re.compile(r"\b(?:part|chapter|section|episode|volume|page|exhibit|paragraph|clause|phase|stage|"
                           r"grade|round)\s+$", re.I)
#: an age or a rank: *between the ages of 18 and 34*, *aged 18 to 24*, *age 5*, *the top 20*
_AGE_BEFORE = re.compile(r"\b(?:ages?\s+(?:of\s+)?|aged\s+|top\s+)(?:\d+\s+(?:and|to|or)\s+)?$", re.I)
#: an age as a bound on people: *voters under 30*, *adults over 65*, *black voters were over 45*
_AGE_BOUND_BEFORE = re.compile(
    r"\b(?:voters|people|adults|children|kids|teens|teenagers|youths|americans|anyone|those|men|women|"
    r"residents|patients|workers|students|everyone|seniors|drivers|girls|boys|users)"
    r"(?:\s+(?:were|are|was|is|aged))?\s+(?:under|over|above|below|older\s+than|younger\s+than)\s+$", re.I)
#: an age set off by commas after a name: *Lachlan, 44, and James, 43*
_APPOSED_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*,\s+$")
_APPOSED_AFTER = re.compile(r"\s*(?:[,;)]|\.(?=\s|$)|$)")
_STREET = re.compile(r"(?:\s+[A-Z][a-z]+){0,2}\s+(?:" + "|".join(w.capitalize() for w in STREET_WORDS) + r")\b")
_RATIO = re.compile(r"\s+times\s+(?:as|the|more|less|higher|lower|bigger|larger|greater|smaller|faster)\b", re.I)
_TO_ONE = re.compile(r"\s+to\s+(?:one|1)\b(?!\s*[-,.]?\d)", re.I)
#: a comparison that leaves out the noun of the count it compares with (*seven brackets, compared
#: with two*, *40 stores, up from twelve*): the bare number borrows that count's noun
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|versus|vs\.?)\s+$", re.I)
_N_TO_BEFORE = re.compile(r"(?<![\d.,])\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+to\s+$", re.I)
_RATE_BEFORE = re.compile(r"(?:\b(?:one|1)\s+(?:in|out of every|of every)|\bevery)\s+$", re.I)
#: *nine out of 10*, *four out of five*, *99 out of 100*: a proportion, not a count (the whole
#: is ten or a hundred, or a small number in words); *6 out of 40 applicants* stays a count
_PROPORTION_OUT_OF = re.compile(r"\s+out\s+of\s+(?:10|100|ten|a\s+hundred|one\s+hundred|(?:"
                                + "|".join(w for w, v in SMALL_NUMBERS.items() if 2 <= v <= 10)
                                + r"))\b(?![,.]?\d)", re.I)
_PROPORTION_BEFORE = re.compile(r"(?:\d|\b(?:" + "|".join(SMALL_NUMBERS) + r"))\s+out\s+of\s+$", re.I)
#: *nine of 10 voters*, *six in 10 Americans*, *three in five*: the same proportion without *out*
#: (after *of* only a whole of ten or a hundred: *two of three candidates* may count them); not a
#: span of time (*38,000 in two years*, *12 in ten days*: a count, and how long it took)
_PROPORTION_OF = re.compile(r"\s+(?:of\s+(?:10|100|ten|a\s+hundred)|in\s+(?:10|100|ten|a\s+hundred|(?:"
                            + "|".join(w for w, v in SMALL_NUMBERS.items() if 2 <= v <= 10)
                            + r")))\b(?![,.]?\d)(?![\s-]+(?:" + "|".join(TIME_UNITS) + r")s?\b)", re.I)
_PROPORTION_OF_BEFORE = re.compile(r"(?:\d|\b(?:" + "|".join(SMALL_NUMBERS) + r"))\s+(?P<prep>of|in)\s+$", re.I)
#: a collective and *of* before a number word: *a group of nine*, *a total of 12*, *a family of
#: five*; the collective names no noun counted, but the number still counts its members
_COLLECTIVE_OF = re.compile(r"\b[Aa]\s+(?:group|team|total|panel|family|crowd|party|band|class|field|"
                            r"committee|board|council|bloc|coalition|delegation|squad|pool)\s+of\s+$")
#: a bound before a number word that counts no noun: *at least four worked the crowds*, *as many as
#: three*: the bound says a number of something is meant (*the two met* stays no count)
_BOUND_BEFORE = re.compile(r"\b(?:at\s+least|as\s+many\s+as|more\s+than|fewer\s+than|no\s+more\s+than|up\s+to|"
                           r"nearly|almost)\s+$", re.I)
#: a noun that is itself a small number, with the plural it counts: *a trio of PACs*, *a pair of senators*;
#: indefinite only (*the pair of articles* points back at two things already counted)
GROUP_NOUNS = {"pair": 2, "duo": 2, "trio": 3, "quartet": 4, "quintet": 5}
_GROUP_OF_NOUN = re.compile(r"\ban?\s+(?P<noun>" + "|".join(GROUP_NOUNS)
                            + r")\s+of\b", re.I)
#: what *a pair of* names when it is one thing, not two: *a pair of scissors*
_ONE_THING_PAIRS = frozenset("pants trousers jeans shorts glasses spectacles scissors binoculars tights pliers "
                             "tongs tweezers pyjamas pajamas underpants briefs leggings shoes boots socks gloves sneakers "
                             "earrings".split())
#: a bare figure followed by the same preposition as a counted neighbour is a list item that
#: leaves the noun out: *killed 130 in Paris ... and 32 in Brussels*, *13 for Cruz, and 36 votes for Trump*
_PARALLEL_PREP = re.compile(r"\s+(in|for|from|at|on|against)\s+(?=[A-Z\w])")
#: what lies between two such items: a comma or *and*, within the sentence
_PARALLEL_JOIN = re.compile(r"[^.;:!?]{0,80}?(?:,|\band\b)[^.;:!?]{0,40}$")
#: a named side in the possessive: *Cruz's*, *the Democrats'*
_NAMED_SIDE = r"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.-]*(?:['’]s|s['’])\s+$"
#: a bare figure set against another's: *he now has 739 to Cruz's 465 and Kasich's 143*
_POSSESSIVE_TALLY = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+to\s+|\s+and\s+)" + _NAMED_SIDE)
#: *to the Democrats' three*: a number word set against a named side's figure counts, though no noun follows
_SIDE_BEFORE = re.compile(r"\bto\s+" + _NAMED_SIDE)
#: *10 times*, not a multiplier (*three times as many*, *10 times harder*: a comparative after it)
_TIMES = re.compile(r"\s+times\b(?!\s+(?:as|the|more|less|(?!after|over|under|ever|never|other|later|earlier|per)"
                    r"[a-z]{2,}er)\b)", re.I)
_DECADE_AFTER = re.compile(r"['’]?s\b")
#: *think twice*, *thought twice*: an idiom, no count of times
_THINK_BEFORE = re.compile(r"\b(?:think|thinks|thought|thinking)\s+$", re.I)
_TWICE = re.compile(r"\b(?:twice|thrice)\b(?!\s+(?:as|the|a|that|more|less|over)\b)", re.I)
#: a proportion of a whole: *half the workforce*, *a quarter of voters* (not *half in cash*)
_FRACTION_WORD = re.compile(
    r"\b(?P<frac>" + "|".join(FRACTIONS) + r")\s+(?:of|the|its|their|his|her|all)\b", re.I)
#: a half that is a stretch of time: *the first half of 1980*, *the second half of June*
_HALF_OF_TIME = re.compile(r"(?:first|second|latter|former|other)\s+$", re.I)
#: a restriction that makes *one* a count: *only one bill*, *at least one child*
#: a compound that names an index (*the 500-stock index*)
_INDEX_AFTER = re.compile(r"\s+(?:index|indexes|indices|average)\b", re.I)
_THE_ONLY = re.compile(r"\bthe\s+only\s+$", re.I)
_ONLY_ONE = re.compile(r"\b(?:only|just|at\s+least|exactly|no\s+more\s+than)\s+$", re.I)
_OF_AFTER = re.compile(r"\s+of\b")
_CONNECTOR_FORWARD = re.compile(r"\s*(?:,|and|to|or|-|–|through)\s*$")
#: a sentence that opens on a whole (*Of the eight victims, three were stabbed, two ...*): the
#: number words after it count parts of that whole
_WHOLE_LEAD = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"'”’]\s))[\"'“‘]?[Oo]f\s+(?:the|these|those|its|their|his|her|our)\s+"
                         r"(?:\d[\d,]*|(?:" + "|".join(SMALL_NUMBERS) + r")\b)[^,;:.!?]{1,60},")
#: a number word that opens a range or list: *eight or nine billion dollars*
_RANGE_NEXT = re.compile(r"\s*(?:,|and|to|or|-|–)\s*(?:[$£€]?\d|(?:" + "|".join(SMALL_NUMBERS) + r")\b)", re.I)
#: what joins a bare figure to the amount before it (an opening bracket too: *by three points (45 to 42)*)
_CONNECTOR_BACK = re.compile(r"(?:\b(?:to|from|against|with|versus|vs\.?|and|or|at)\s+|\(\s*)$")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
#: a hedge after the figure: *10,000 or so students*
_OR_SO = re.compile(r"\s+or so\b")
#: a list item that names who and leaves out what: *..., Jones 97 and Brown 12.*
_ELLIPSIS_BEFORE = re.compile(r"(?:[,;]|\band|\bwhile|\bwith)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}$")
_ELLIPSIS_AFTER = re.compile(r"\s*(?:[,;.)]|and\b|while\b|$)")
#: a number before *or* makes a small range: *two or three shipments*, *one or two analysts*
_NUMBER_OR = re.compile(r"(?:\d|\b(?:a|an|" + "|".join(SMALL_NUMBERS) + r"))\s+or\s+$", re.I)
#: a verb of casualties before a number: *killed 40*, *displaced about 3,000*
_CASUALTY_BEFORE = re.compile(r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|arrested|detained|"
                              r"evacuated|displaced|infected)\s+(?:(?:at\s+least|about|around|nearly|almost|some|"
                              r"more\s+than|over|up\s+to)\s+)?$", re.I)
#: *the 2 million member union*: the hyphen of *a 40-member council* left out
_SPACED_MEMBER = re.compile(r"\s+member(?=\s+[a-z])(?!\s+[a-z]+s\b)")
#: a side of a vote: *7 in favour and 2 against*, *311 were in favor, 102 opposed*
_TALLY_AFTER = re.compile(r"(?:\s+(?:were|voted))?\s+(?:in\s+favou?r|against|opposed)\b(?!\s+(?:the|a|an|it|this|that)\b)",
                          re.I)
_VOTE_WORD = re.compile(r"\bvot(?:e|es|ed|ing)\b", re.I)
_PARTITIVE = re.compile(r"\s+(?:out\s+)?of\s+(?:them|these|those|us|whom|which|['‘’]em)\b")
#: a bare figure that counts the people of a place, or a total: *a nation of 51 million*, *brings the total to 19*
_PLACE_OR_TOTAL_OF = re.compile(r"\b(?:(?:nation|country|city|state|town|village|region|province|island|population)"
                                r"\s+of|total\s+(?:of|to|at))\s+(?:(?:some|about|nearly|almost|roughly|around|"
                                r"more\s+than|less\s+than|fewer\s+than|over|under)\s+)?$", re.I)
#: a part of a counted whole: *13 of the past 19 contests*, *three of the last 10*, *49 out of 54*
_OF_FIGURE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:(?:past|last|first|next|previous|"
                        r"remaining|other)\s+)?(?:\d|(?:" + "|".join(SMALL_NUMBERS) + r")\b)", re.I)
#: a figure with thousands separators is no age, time, rank or list number: *100,000 would come*
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
#: a level, not a count: *closed at 18,348*, *stood at 2,100*
_LEVEL_BEFORE = re.compile(r"\b(?:at|above|below)\s+$", re.I)
#: what a bare number may be said to have become: *at least 20 injured*, *282 voting against*
_CASUALTIES = frozenset("dead injured wounded missing killed hurt died arrested detained displaced "
                        "evacuated infected affected voting voted".split())
_OPENERS = "\"'“‘([«"
_CLAUSE_ENDS = ("-", "—", "–", ":", ";")
#: a figure after "<Name> of" is part of the name: Group of 20
_GROUP_OF = re.compile(r"([A-Z][a-z]+)\s+of\s+$")
_FRACTION_AFTER = re.compile(r"-(?:thirds?|quarters?|fifths?|halves|half|tenths?)\b", re.I)
_MONTHS_AND_DAYS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_ONE_IN = re.compile(r"\s+in\s+(\d{1,3}(?:,\d{3})*)\b(?![,.]\d)")  # not a year: three of the last 10 in 2008
_TALLY_TO = re.compile(r"\s+to\s+\d")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our)\s+$", re.I)
#: a figure between a count and a capitalised model word is a designation: the 737 of *12 737 MAX jets*
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?:" + "|".join(SMALL_NUMBERS) + r"))\s$", re.I)
_MODEL_AFTER = re.compile(r"\s+[A-Z]{2,}\s+[A-Za-z]")


def _is_name_number(text: str, lo: int, n: Numeral) -> bool:
    """Whether a figure is part of a name: *Article 50*, *Boeing 737*, *No. 2*, *Sismik 1*."""
    before = text[max(lo, n.start - 30):n.start]
    if _NAME_MARK.search(before) or _LABEL_BEFORE.search(before):
        return True
    if n.words:
        # a capitalised number word inside a sentence is a name (the Big Three, Three Mile
        # Island); at the start of a sentence or after a dash it is just a number
        head = text[lo:n.start].rstrip()
        return n.figure[0].isupper() and bool(head.strip(_OPENERS)) and not head.endswith(_CLAUSE_ENDS)
    if _COUNT_BEFORE.search(before) and _MODEL_AFTER.match(text, n.end):
        return True
    if not n.words and _TALLY_TO.match(text, n.end):
        return False  # Trump 46 to 40 percent, Sanders 1,428 to 1,153: one side of a tally, not a name
    m = _CAPITAL_WORD.search(before)
    if not m:
        of = _GROUP_OF.search(before)
        return bool(of and of.group(1).lower() not in FUNCTION_WORDS and of.start(1) > lo)
    word = m.group(1).rstrip(".").lower()
    if word.endswith(("'s", "’s", "s'", "s’")) and not n.words:
        return False  # Clinton's 2.5-point edge, Ohio's 18 electoral votes: whose, not a name
    return word not in FUNCTION_WORDS and word not in _MONTHS_AND_DAYS


def _proportion_whole(text: str, lo: int, n: Numeral) -> bool:
    """Whether the number is the whole of a proportion after its part: the 10 of *nine of 10
    voters* (ten or a hundred), the five of *three in five* (also two to ten in words)."""
    m = _PROPORTION_OF_BEFORE.search(text, max(lo, n.start - 16), n.start)
    if not m:
        return False
    return n.value in (10, 100) or (m.group("prep").lower() == "in" and n.words and 2 <= n.value <= 10)


def _no_open_bracket(before: str) -> bool:
    """Whether no bracket opened in ``before`` is still open at its end."""
    return before.rfind("(") <= before.rfind(")")


#: a comma and one or two digits after a figure, or a figure and a comma before one: a decimal
#: comma (*€1,2 Mrd.*, *2,5 Milliarden*), not a thousands group (*1,200*) nor a list (*1, 2*)
_DECIMAL_COMMA_AFTER = re.compile(r",\d{1,2}(?![\d,])")
_DECIMAL_COMMA_BEFORE = re.compile(r"(?<![\d,])\d{1,3},$")


def _skip(text: str, lo: int, hi: int, n: Numeral) -> bool:
    """Whether a number is no facet: a time of day, ordinal, score, ratio, name or idiom."""
    after = text[n.end:min(hi, n.end + 12)]
    if _CLOCK.match(after):
        return True
    if after[:1] == "/" and after[1:2].isdigit():
        return True
    if after[:1] == ")" and not n.words and n.value < 100 and _no_open_bracket(text[max(lo, n.start - 60):n.start]):
        return True  # "two reasons: 1) ...": a list marker (not the end of "(44 to 40)")
    if not n.words and n.start >= lo + 2 and text[n.start - 1] == ":" and text[n.start - 2].isdigit():
        return True  # the minutes of 2:05, the verse of 3:16: part of a time or a reference
    if not n.words and (_DECIMAL_COMMA_AFTER.match(after) or _DECIMAL_COMMA_BEFORE.search(text, max(lo, n.start - 4), n.start)):
        return True  # €1,2 Mrd.: a decimal comma, which no English figure has; no value beats a wrong one
    if _GLUED_WORD.match(after) and not (_PENCE.match(after) or after[:1] == "s" or after[:2] == "pc"
                                         and not after[2:3].isalnum()):
        return True  # 21st, 3D, 4x4, 10am
    if _DECADE_AFTER.match(after) and not n.words:
        return True  # in their 80s, the '90s: an age or a decade, no count
    if after.startswith(("-for-", "-to-")):
        return True  # two-for-one, 3-for-2 splits
    if _FRACTION_AFTER.match(after):
        return True  # one-third: a fraction the gold leaves without a value
    one_in = _ONE_IN.match(text, n.end, hi)
    if one_in and not n.words and n.value < int(one_in.group(1).replace(",", "")):
        return True  # about 1 in 3 voters, 2 in 25: a proportion, not a count
    if n.value == 1 and n.scale == 1 and _N_TO_BEFORE.search(text, max(lo, n.start - 16), n.start):
        return True  # the 1 of a 3 to 1 margin (a tally of votes was read before this)
    if _RATIO.match(text, n.end, hi) or _TO_ONE.match(text, n.end, hi) \
            or _RATE_BEFORE.search(text, max(lo, n.start - 16), n.start):
        return True  # four to 10 times larger, one in six, every two: a ratio, not a count
    if _PROPORTION_OUT_OF.match(text, n.end, hi) or (
            (n.value in (10, 100) or n.words and 2 <= n.value <= 10)
            and _PROPORTION_BEFORE.search(text, max(lo, n.start - 20), n.start)):
        return True  # nine out of 10 (voters): a proportion, which the gold leaves without a value
    if n.scale == 1 and (_PROPORTION_OF.match(text, n.end, hi) or _proportion_whole(text, lo, n)):
        return True  # nine of 10 voters, six in 10 Americans: the same proportion
    if n.words and n.value == 1 and n.scale == 1 and (not _ONLY_ONE.search(text, max(lo, n.start - 14), n.start)
                                                     or _THE_ONLY.search(text, max(lo, n.start - 14), n.start)) \
            and not _parts_of_lead(text, n):
        # "one", "a": not a checkable count, unless restricted (only one bill) or a part (of the two,
        # one); "the only one strong enough", "the only one punished": a pronoun, no count
        return True
    if n.words and n.figure.lower() in ("hundred", "thousand", "million", "billion", "dozen") \
            and not (n.figure.lower() == "dozen" and _DETERMINER_BEFORE.search(text, max(lo, n.start - 8), n.start)):
        return True  # a bare scale word is vague (Hundred of protesters); the dozen states are twelve
    window = text[max(lo, n.start - 20):min(hi, n.end + 20)].lower()
    return any(idiom in window for idiom in IDIOMS)


def _money_value(n: Numeral, code: str) -> tuple[float | int, str]:
    """Return the value in whole units and the ISO code, turning cents and pence into units."""
    if code.endswith((".cents", ".pence")):
        value = n.value / 100
        return (int(value) if float(value).is_integer() else round(value, 6)), code.split(".")[0]
    return n.value, code


def _market_talk(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` speaks of markets (*index*, *shares*, *closed*): there, points
    are index points and a bare grouped figure is a level."""
    return not MARKET_WORDS.isdisjoint(re.findall(r"[a-z&]+", text[lo:hi].lower()))


def _points_are_percent(text: str, lo: int, hi: int, n: Numeral) -> bool:
    """Whether ``N points`` is a percentage (a poll lead) rather than index points."""
    return n.value <= 100 and not _market_talk(text, lo, hi)


def read_amount(text: str, lo: int, hi: int, n: Numeral) -> Amount | None:
    """Return what a number is (money, percent, quantity, duration, count), or None."""
    amount = _read_amount(text, lo, hi, n)
    before = _RANGE_END_BEFORE.search(text, max(lo, n.start - 16), n.start) if amount is not None else None
    if before:
        first = float(before.group(1).replace(",", ""))
        if first >= n.value / max(n.scale, 1) or (amount.kind == "count" and (amount.bare and n.scale == 1 or n.value == 1)):
            return None  # a score (won 4-2), a ratio (2-1), a docket number (14-915): no range
    return amount


def _read_amount(text: str, lo: int, hi: int, n: Numeral) -> Amount | None:
    if _skip(text, lo, hi, n):
        return None
    symbol = currency_before(text, lo, n.start)
    if symbol and not (n.words and n.scale == 1):
        code, start = symbol
        value, code = _money_value(n, code)
        return Amount("money", start, n.end, value, code, numeral=n)
    money = currency_after(text, n.end, hi)
    if n.glued and not money:
        return _glued_count(text, hi, n)  # 100m, 5k: a distance or a prize, unless people are counted
    if _is_name_number(text, lo, n) and (n.words or not (money or _PERCENT.match(text, n.end, hi)
                                                          or _UNIT.match(text, n.end, hi)
                                                          or _TIMES.match(text, n.end, hi))):
        if not n.words and _ELLIPSIS_BEFORE.search(text, max(lo, n.start - 40), n.start) \
                and _ELLIPSIS_AFTER.match(text, n.end, hi):
            return Amount("count", n.start, n.end, n.value, None, bare=True, numeral=n, elliptical=True)
        return None
    if not n.words and _PENCE.match(text, n.end):
        value, code = _money_value(n, "GBP.pence")
        return Amount("money", n.start, n.end + 1, value, code, numeral=n)
    m = _PERCENT.match(text, n.end, hi)
    if m:
        return Amount("percent", n.start, m.end(), n.value, numeral=n)
    if money:
        code, end = money
        value, code = _money_value(n, code)
        return Amount("money", n.start, end, value, code, numeral=n)
    m = _POINTS.match(text, n.end, hi) or _POINT_LEAD.match(text, n.end, hi)
    if m and _points_are_percent(text, lo, hi, n):
        return Amount("percent", n.start, m.end(), n.value, numeral=n)
    m = _UNIT.match(text, n.end, hi)
    if m:
        unit = m.group("unit") + (m.group("rate") or "")
        value = None if "basis point" in unit.lower() else n.value
        return Amount("quantity", n.start, m.end(), value, unit.strip(), numeral=n)
    m = _TIME.match(text, n.end, hi)
    if m:
        unit = TIME_UNITS[m.group("unit").lower()]
        return Amount("duration", n.start, m.end(), n.value, unit, numeral=n)
    m = _COMPOUND.match(text, n.end, hi)
    if m and m.group("word") in _LOOSE_SUFFIXES:
        return _loose_count(text, hi, n, m)
    if m:
        # a 25-page report, a 577-member assembly: a count of the noun; in words (a two-step
        # plan, three-dimensional) the compound is a description, unless the noun is one
        # that a size is counted in (a six-page letter, a seven-member board)
        if n.words and m.group("word") not in COMPOUND_COUNTS or m.group("word").endswith(_ADJECTIVE_ENDINGS):
            return None
        if not float(n.value).is_integer() or _INDEX_AFTER.match(text, m.end(), hi):
            return None  # a .45-caliber gun, the S&P 500-stock index: a designation, not a count
        return Amount("count", n.start, m.end(), n.value, pluralise(m.group("word")), numeral=n)
    if _DASH_FIGURE.match(text, n.end):
        if not n.words and RANGE_START.search(text, max(lo, n.start - 1), n.end):
            return Amount("count", n.start, n.end, n.value, None, bare=True, numeral=n,
                          range_start=True)  # 20-30 workers
        return None  # a score or a phone number: 5-4, 555-1234
    m = _TIMES.match(text, n.end, hi)
    if m:
        return Amount("count", n.start, m.end(), n.value, "times", numeral=n)
    if _STREET.match(text, n.end, hi):
        return None  # 10 Downing Street
    return _count(text, lo, hi, n)


#: what a glued scale measures when it is no count: races and swims (*the 400m hurdles*)
_RACES = frozenset("hurdles relay relays freestyle backstroke breaststroke butterfly medley sprints "
                   "races runs swims dashes".split())


def _glued_count(text: str, hi: int, n: Numeral) -> Amount | None:
    """Return the count of a glued millions or thousands before a plural noun (*2m people*, *10k
    signatures*); None for anything else (*the 100m final*, *a 5k run*, *400m hurdles*): without a
    currency a glued scale is a distance as often as an amount."""
    if n.figure is None or text[n.end - 1:n.end].lower() not in ("m", "n", "k") or _UNIT.match(text, n.end, hi):
        return None
    phrase = counted_phrase(text, n.end, hi)
    if phrase is None or not phrase.plural or phrase.is_time or phrase.fraction or phrase.unit is None \
            or phrase.unit.split()[-1] in _RACES:
        return None
    return Amount("count", n.start, phrase.end, n.value, phrase.unit, numeral=n)


def _loose_count(text: str, hi: int, n: Numeral, suffix: re.Match) -> Amount:
    """Return the count of *30-odd people*, *a 5,000-strong crowd*: the noun after the suffix."""
    phrase = counted_phrase(text, suffix.end(), hi)
    word = _NEXT_WORD.match(text, suffix.end(), hi)
    if phrase and phrase.plural:
        unit, end = phrase.unit, phrase.end
    else:
        unit, end = (word.group(1), word.end()) if word else (None, suffix.end())
    return Amount("count", n.start, end, n.value, unit, numeral=n,
                  approximate=suffix.group("word") != "strong")


#: a price between a number and the noun it counts (*three $50,000 prizes*, *two £1m grants*)
_PRICED = re.compile(r"\s+(?:US|C|A|NZ|HK)?[$£€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|mln|bln|m|bn|k)\b)?"
                     r"(?:-[a-z]+)?(?=\s)")
#: *per* right before a number: the base of a rate (*per 100,000 people*, *per 1,000 births*)
_PER_BEFORE = re.compile(r"\bper\s+$", re.I)


def _count(text: str, lo: int, hi: int, n: Numeral) -> Amount | None:
    """Return the count (or duration) a number makes with the noun phrase after it; a bare
    figure with none; None for a number word that counts no noun (*the two met*)."""
    if _PER_BEFORE.search(text, max(lo, n.start - 6), n.start):
        return None  # "4.2 per 100,000 people": a rate's base, not a count of people
    m = _SPACED_MEMBER.match(text, n.end, hi)
    if m and not n.words:
        return Amount("count", n.start, m.end(), n.value, "members", numeral=n)
    or_so = _OR_SO.match(text, n.end, hi) or _NUMBER_OR.search(text, max(lo, n.start - 12), n.start)
    phrase = counted_phrase(text, n.end if or_so is None or or_so.start() < n.start else or_so.end(), hi)
    if phrase is None and float(n.value).is_integer() and n.value > 1:
        priced = _PRICED.match(text, n.end, hi)
        if priced:
            # "three $50,000 prizes", "two £1m grants": the number counts the noun after the price
            phrase = counted_phrase(text, priced.end(), hi)
            if phrase is not None and phrase.plural and not phrase.is_time and not phrase.fraction:
                return Amount("count", n.start, n.end, n.value, phrase.unit, numeral=n)
            phrase = None
    if phrase is not None and not phrase.plural and (n.words or n.value > 1) and n.value != 1:
        phrase = None  # "1 million live abroad": only a plural noun is what a number counts
    if phrase is not None and not phrase.plural and n.value == 1 and _parts_of_lead(text, n):
        phrase = None  # "Of the 40 bills, one passed": the part counts the whole's noun
    if phrase is None:
        if _COLLECTIVE_OF.search(text, max(lo, n.start - 30), n.start):
            return Amount("count", n.start, n.end, n.value, None, numeral=n)  # a group of nine
        if n.words and n.scale == 1 and not (_all_before(text, lo, n) or _RANGE_NEXT.match(text, n.end, hi)
                                             or _OF_FIGURE.match(text, n.end, hi) or _parts_of_lead(text, n)
                                             or _COMPARED_BEFORE.search(text, max(lo, n.start - 16), n.start)
                                             or n.value > 1 and _BOUND_BEFORE.search(text, max(lo, n.start - 14), n.start)
                                             or _SIDE_BEFORE.search(text, max(lo, n.start - 40), n.start)):
            return None  # "the two met": a number word must count a noun
        return Amount("count", n.start, n.end, n.value, None, bare=True, numeral=n)
    if phrase.fraction:
        return None  # two thirds: a fraction, which the gold leaves without a value
    if n.value == 1 and n.words and _OF_AFTER.match(text, phrase.end, hi):
        return None  # only one extension of the work: one of many, not a count
    if phrase.is_time:
        return Amount("duration", n.start, phrase.end, n.value, phrase.unit, numeral=n,
                      approximate=bool(or_so))
    return Amount("count", n.start, phrase.end, n.value, phrase.unit, bare=phrase.unit is None,
                  numeral=n, approximate=bool(or_so))


def _parts_of_lead(text: str, n: Numeral) -> bool:
    """Whether the number word stands in a sentence that opens on a counted whole, after it:
    *Of the eight victims, three were stabbed* (the parts then borrow its noun)."""
    # read back past the sentence's own start: a long sentence reaches the rules in clauses, the
    # lead in the first. Searched in place (not in a slice), so the lead must open a sentence:
    # the search window's own start is no sentence start
    return _WHOLE_LEAD.search(text, max(0, n.start - 200), n.start) is not None


def _all_before(text: str, lo: int, n: Numeral) -> bool:
    """Whether a bare number word follows ``all`` (*win all three*)."""
    return text[max(lo, n.start - 4):n.start].lower() == "all "


#: a fraction of a percentage point: *a quarter of a percentage point*, *half a point*, *a
#: quarter-point cut*, *three-quarters of a point* (0.25, 0.5, 0.75 points; not 25 or 50 percent)
_POINT_FRACTION = re.compile(
    r"\b(?P<frac>(?:a|one)[\s-]+quarter|three[\s-]+quarters|half|a[\s-]+half)(?:\s+of)?(?:\s+a)?[\s-]+"
    r"(?P<pct>percentage[\s-]+)?points?\b", re.I)
#: what makes a bare *point* a percentage point: rates, yields and shares in the sentence
_RATE_CONTEXT = re.compile(r"%|\b(?:interest|rates?|yields?|inflation|unemployment|percent|per\s+cent|basis)\b", re.I)


def _point_fraction(m: re.Match) -> float:
    frac = m.group("frac").lower()
    return 0.75 if frac.startswith("three") else 0.25 if "quarter" in frac else 0.5


def fractions(text: str, lo: int, hi: int) -> list[Amount]:
    """Return the proportions written as words: *about half the workforce* is 50 percent, and
    fractions of a percentage point: *a quarter of a percentage point* is 0.25 (points)."""
    points = [Amount("percent", m.start(), m.end(), _point_fraction(m))
              for m in _POINT_FRACTION.finditer(text, lo, hi)
              if m.group("pct") or _RATE_CONTEXT.search(text, lo, hi)]
    return points + [Amount("percent", m.start("frac"), m.end("frac"), FRACTIONS[m.group("frac").lower()])
                     for m in _FRACTION_WORD.finditer(text, lo, hi)
                     if not _HALF_OF_TIME.search(text, max(lo, m.start() - 10), m.start())
                     and not any(p.start <= m.start("frac") < p.end for p in points)]


def twice(text: str, lo: int, hi: int) -> list[Amount]:
    """Return *twice* as a count of two times, unless it is a ratio (*twice as many*)."""
    return [Amount("count", m.start(), m.end(), 2 if m.group().lower() == "twice" else 3, "times")
            for m in _TWICE.finditer(text, lo, hi)
            if not _THINK_BEFORE.search(text, max(lo, m.start() - 12), m.start())]


def groups(text: str, lo: int, hi: int) -> list[Amount]:
    """Return the counts a group noun makes with the plural after it: *a trio of PACs* is three
    PACs, *a pair of senators* two (not *a pair of scissors*, one thing)."""
    out = []
    for m in _GROUP_OF_NOUN.finditer(text, lo, hi):
        phrase = counted_phrase(text, m.end(), hi)
        if phrase is None or not phrase.plural or not phrase.unit or phrase.unit.split()[-1].lower() in _ONE_THING_PAIRS:
            continue
        out.append(Amount("count", m.start(), phrase.end, GROUP_NOUNS[m.group("noun").lower()], phrase.unit))
    return out


def settle(amounts: list[Amount], text: str, lo: int) -> list[Amount]:
    """Return the amounts once bare numbers have borrowed a neighbour's unit, dropping bare
    numbers that stay without one and show no sign of counting anything.

    Forward, in a range: *between 168 and 170 stg*, *6.5 to 9.5 pct*, *between $1 and $2
    billion* (the first also borrows the scale). Backward, after money: *to 5.5 billion
    Canadian dlrs from 4.3 billion*, *rising 305 mln in February*, *9p to 448*, *up 2p at
    372*. A bare count borrows the noun of the count before it: *294 deputies ... with 282
    voting against*. What is left bare (*closing at 18,348*, *Gary Cole, 44,*, a list's
    *1.*) is dropped unless hedged or followed by what happened to it (*at least 20 injured*).
    """
    ranged = set()
    # right to left, so that a chain passes the unit along: 15 to 20 to 25 billion dollars
    for i in range(len(amounts) - 2, -1, -1):
        a, nxt = amounts[i], amounts[i + 1]
        if a.kind == "money" and nxt.bare and nxt.kind == "count" and nxt.numeral is not None \
                and nxt.numeral.scale > 1 and _CONNECTOR_FORWARD.fullmatch(text, a.end, nxt.start):
            nxt.kind, nxt.unit, nxt.bare = "money", a.unit, False  # $5-10 billion: the range's end is money too
        if a.numeral is None or nxt.numeral is None or nxt.bare or nxt.kind == "date" \
                or not _CONNECTOR_FORWARD.fullmatch(text, a.end, nxt.start) \
                or not (a.bare or (a.kind == "money" and a.unit == nxt.unit)):
            continue
        if text[a.end:nxt.start].strip() == "," and not _alike(a.numeral, nxt.numeral):
            continue  # "at age 92, five years too early": a comma joins only a list of peers
        ranged.add(i)
        if a.bare and text[a.end:nxt.start].strip() == "or" and a.value < nxt.value:
            # two or three shipments: a small range; not "45 mln dlrs or 1.20 dlrs a share"
            a.approximate = nxt.approximate = True
        if a.bare:
            a.kind, a.unit, a.bare = nxt.kind, nxt.unit, False
            if nxt.kind == "money" and _in_minor_units(text, nxt):
                a.value = _scaled(a.value / 100, 1)
        if a.numeral.scale == 1 and nxt.numeral.scale > 1 and nxt.kind != "percent" and a.value < 1000:
            # "$3 to $5 million" is three million; not "$500,000 and $1 million"
            a.value = _scaled(a.value, nxt.numeral.scale)
            a.numeral.scale = nxt.numeral.scale
    for a, nxt in zip(amounts, amounts[1:]):
        # 13 of the past 19 contests: the part counts what the whole counts
        if a.bare and a.kind == "count" and nxt.kind == "count" and nxt.unit and not nxt.bare \
                and _OF_FIGURE.fullmatch(text, a.end, nxt.start + 1):
            a.unit, a.bare = nxt.unit, False
    money = count = None  # the last money amount, the last count with a unit
    for i, a in enumerate(amounts):
        if a.elliptical:
            prev = amounts[i - 1] if i > 0 else None
            if prev is not None and not prev.bare and (prev.unit or prev.kind == "percent"):
                a.kind, a.unit, a.bare = prev.kind, prev.unit, False
        elif a.numeral is not None and a.bare and a.kind == "count" and _TALLY_AFTER.match(text, a.end) \
                and _VOTE_WORD.search(text, max(lo, a.start - 120), a.end + 60):
            a.unit, a.bare = "votes", False
        elif a.numeral is not None and i not in ranged and a.bare and not a.range_start:
            prev = amounts[i - 1] if i > 0 else None
            close = prev is not None and a.start - prev.end < 30 \
                and _CONNECTOR_BACK.search(text, prev.end, a.start) is not None
            if money and (a.numeral.scale > 1 or (close and prev.kind == "money")):
                a.kind, a.unit, a.bare = "money", money.unit, False
                if a.numeral.scale == 1 and _in_minor_units(text, money):
                    a.value = _scaled(a.value / 100, 1)
            elif close and prev.kind == "percent" and a.numeral.scale == 1 and a.value <= 100 \
                    and not _PARTITIVE.match(text, a.end):
                a.kind, a.unit, a.bare = "percent", None, False
            elif count is not None and float(a.value).is_integer() and not _age_or_rank(text, lo, a.numeral):
                a.unit = count.unit
        if a.kind == "money":
            money = a
        elif a.kind == "count" and a.unit:
            count = a
    for a in amounts:
        if a.kind == "count" and a.unit is None and a.numeral is not None and not a.numeral.words:
            measured = _measured_unit(text, lo, a.start)
            if measured:
                a.unit, a.bare = measured, False  # the death toll rose to 267: deaths
    dropped = [a.kind == "count" and a.unit is None and (a.elliptical or a.range_start or not _counts_anyway(text, lo, a))
               for a in amounts]
    for i, (a, b) in enumerate(zip(amounts, amounts[1:])):
        if a.kind == b.kind == "count" and a.numeral is not None and b.numeral is not None \
                and (a.unit == b.unit or b.unit is None) and _POSSESSIVE_TALLY.fullmatch(text, a.end, b.start) \
                and (" to " in text[a.end:b.start] or not dropped[i]):
            # 739 to Cruz's 465, five debates to the Democrats' three: two sides of a tally
            b.unit = b.unit or a.unit
            dropped[i] = dropped[i + 1] = False
    for i, a in enumerate(amounts):
        if dropped[i] and not a.range_start:
            dropped[i] = not _parallel_item(text, lo, amounts, dropped, i)
    return [a for a, out in zip(amounts, dropped) if not out]


def _parallel_item(text: str, lo: int, amounts: list[Amount], dropped: list[bool], i: int) -> bool:
    """Whether the bare figure ``amounts[i]`` is an item of a list whose neighbouring item counts
    something, the same preposition after both (:data:`_PARALLEL_PREP`): *killed 130 in Paris and
    32 in Brussels*; it then takes the neighbour's noun."""
    a = amounts[i]
    if a.numeral is None or not float(a.value).is_integer() or _age_or_rank(text, lo, a.numeral):
        return False
    prep = _PARALLEL_PREP.match(text, a.end)
    if prep is None:
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(amounts) or dropped[j] or amounts[j].kind != "count":
            continue
        other = amounts[j]
        theirs = _PARALLEL_PREP.match(text, other.end)
        first, last = (other, a) if j < i else (a, other)
        if theirs and theirs.group(1).lower() == prep.group(1).lower() \
                and _PARALLEL_JOIN.fullmatch(text, first.end, last.start):
            a.unit, a.bare = other.unit, False
            return True
    return False


#: a figure given as the level of a named tally: *the death toll rose to 267*, *the number of
#: injured stands at 387* (the tally names what is counted)
_DEATH_TOLL = re.compile(r"\bdeath\s+toll\b[^.;:!?]{0,60}?\b(?:to|at|of|is|was|reached|hit|passed|topped)\s+$", re.I)
_NUMBER_OF = re.compile(r"\b(?:the|total)\s+(?:[a-z]+-?[a-z]*est\s+)?number\s+of\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?)\b"
                        r"(?:[^.;:!?]{0,60}?\b(?:to|at|is|was|reached|hit|passed|topped)\s+|,\s+)$", re.I)
_TALLY_OF = re.compile(r"\b(?P<noun>delegate|vote|seat|death|casualty|job)\s+(?:count|tally|total)\s+"
                       r"(?:(?:was|is|stood|stands|rose|fell|reached|hit)\s+)?(?:at\s+|to\s+)?$", re.I)
_NOT_COUNTED_AFTER_NUMBER_OF = frozenset("the a an his her their its this that these those".split())


def _measured_unit(text: str, lo: int, start: int) -> str | None:
    """Return what a bare figure counts when it is the level of a tally named before it in its
    clause (:data:`_DEATH_TOLL`, :data:`_NUMBER_OF`), else None."""
    window = max(lo, start - 100)
    if _DEATH_TOLL.search(text, window, start):
        return "deaths"
    tally = _TALLY_OF.search(text, window, start)
    if tally:
        return pluralise(tally.group("noun").lower())  # "Clinton's final delegate count was 699.57"
    m = _NUMBER_OF.search(text, window, start)
    if m:
        words = m.group("noun").lower().split()
        if words[0] in _NOT_COUNTED_AFTER_NUMBER_OF:
            return None
        # "the number of injured being treated": the noun, not the participle after it
        noun = [w for w in words if not w.endswith("ing")] or words
        return " ".join(noun if is_plural(noun[-1]) or len(noun) == 1 else noun[:1])
    return None


def _age_or_rank(text: str, lo: int, n: Numeral) -> bool:
    """Whether a bare figure is an age or a rank, which borrows no count's noun: *the ages of
    18 and 34*, *his two sons, Lachlan, 44, and James, 43*, *in the top 20*, *voters under 30*."""
    if _AGE_BEFORE.search(text, max(lo, n.start - 24), n.start):
        return True
    if n.value < 120 and _AGE_BOUND_BEFORE.search(text, max(lo, n.start - 40), n.start):
        return True  # *40 workers under 25*
    return not n.words and n.value < 120 and _APPOSED_BEFORE.search(text, max(lo, n.start - 30), n.start) is not None \
        and _APPOSED_AFTER.match(text, n.end) is not None


def _counts_anyway(text: str, lo: int, a: Amount) -> bool:
    """Whether a number without a noun still counts something: *at least 20 injured*,
    *win all three*, *300,000 of them*."""
    if a.numeral is None or not float(a.value).is_integer():
        return False
    if not a.bare or _PARTITIVE.match(text, a.end) or _OF_FIGURE.match(text, a.end):
        return True  # a partitive (300,000 of them, 13 of the past 19) or a compound
    if _PLACE_OR_TOTAL_OF.search(text, max(lo, a.start - 40), a.start):
        return True  # a nation of 51 million, the total to 19
    if (_GROUPED.fullmatch(a.numeral.figure) and a.numeral.scale == 1
            or a.numeral.scale >= 1_000_000 and not a.numeral.words and not a.numeral.glued) \
            and not _LEVEL_BEFORE.search(text, max(lo, a.start - 8), a.start) \
            and not _market_talk(text, lo, a.start):
        return True  # 100,000 would be admitted; from 70,000 to 85,000; the deportation of 11 million
    nxt = _NEXT_WORD.match(text, a.end)
    if nxt and nxt.group(1) in _CASUALTIES or _CASUALTY_BEFORE.search(text, max(lo, a.start - 30), a.start):
        return True
    if _age_or_rank(text, lo, a.numeral):
        return False  # an age: *voters under 30* counts no thirty of anything
    return _all_before(text, lo, a.numeral) or is_hedged(text, lo, a.start, earlier=False)


def _alike(a: Numeral, b: Numeral) -> bool:
    """Whether two figures could be items of one list (*40, 45, 50 billion*): both in figures
    or both in words, and of a size."""
    x, y = a.value / a.scale, b.value / b.scale
    return a.words == b.words and x > 0 and y > 0 and max(x, y) / min(x, y) <= 5


def _in_minor_units(text: str, a: Amount) -> bool:
    """Whether a money amount was written in pence or cents (*9p*, *50 cts*)."""
    written = text[a.start:a.end].lower()
    return written.endswith(("p", "cts", "cents", "pence"))


def _scaled(value: float, scale: int) -> int | float:
    """Return ``value * scale``, an int when whole (0.09 stays 0.09, 4.48 * 100 is 448)."""
    v = value * scale
    return int(round(v)) if abs(v - round(v)) < 1e-9 else round(v, 6)
