"""Cues that make a claim estimated (hedges, approximators, forecasts, guessed ranges) or
contested (allegations, denials, disputes, falsity), with their offsets.

Each finder takes the tokens of one sentence and yields ``(label, kind, start, end)``. The
rules keep the spec's exceptions (spec/CLAIMS.md section 2): an exact limit (*not more than*)
or an observed range (*traded between*) is no estimate; a rejected offer, a denied appeal and
a *disputed* territory are no disputed claim; *nobody denies* denies nothing.
"""
from __future__ import annotations

import re
from typing import Iterator

from .. import cues as C
from ..facets.words import SMALL_NUMBERS
from .documents import _respondents
from .tokens import CLAUSE_PUNCT, QUOTES, Token, is_adverb

Hit = tuple[str, str, int, int]

_NUMBER_WORDS = frozenset("""
one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions
dozen dozens half third quarter
""".split())
_CURRENCY = frozenset("$ £ € ¥ us$ c$ a$ rs".split())
_BE_LIKE = frozenset("is was are were been be remains remain remained".split())
# words after which "over" + a period means "more than" (for over 20 years, lasted over an hour)
_MORE_THAN_BEFORE = _BE_LIKE | frozenset("for than in of after to lasted lasting lasts took take takes spent spend".split())
# words that open the object of a dispute verb used as a verb (disputed the figures)
_OBJECT_OPENERS = frozenset("the that this these those his her their its any".split())
# what may stand before "claims of" when the claims are allegations (amid claims of, her claims of)
_CLAIMS_OF_AFTER = frozenset("amid over despite with the these those new fresh his her their its denied deny denies".split())


def _phrase_index(phrases) -> dict[str, tuple[bool, dict[str, list[tuple[str, ...]]]]]:
    """Index multi-word phrases by their first word for a quick token-level match: first word ->
    (whether it is a phrase alone, the longer phrases by their second word, longest first)."""
    idx: dict[str, tuple[bool, dict[str, list[tuple[str, ...]]]]] = {}
    for p in phrases:
        words = tuple(p.split())
        single, longer = idx.get(words[0], (False, {}))
        if len(words) == 1:
            single = True
        else:
            longer.setdefault(words[1], []).append(words)
        idx[words[0]] = (single, longer)
    for _, longer in idx.values():
        for v in longer.values():
            v.sort(key=len, reverse=True)
    return idx


_APPROX = _phrase_index(C.APPROXIMATORS)
_HEDGES = _phrase_index(C.HEDGE_PHRASES)
_AGENTLESS = _phrase_index(C.AGENTLESS_PHRASES)
_FALSITY = _phrase_index(C.FALSITY_PHRASES)
_DISMISSALS = _phrase_index(C.DISMISSAL_PHRASES)


# every word that can open an estimated or a contested cue: other tokens are skipped at once
#: verbs (and *past* after a verb of motion) that give a figure as a bound passed or neared
_NEARING = frozenset("""exceeds exceeded exceeding surpassed surpasses surpassing topped tops approaches approached
approaching nears neared nearing past""".split())
_EST_FIRST = (frozenset(_APPROX) | frozenset(_HEDGES) | frozenset(_AGENTLESS) | C.MODALS | C.FORECAST_WORDS
              | C.UNNAMED_GROUPS | {"between"} | _NEARING)
_DISPUTING = C.REJECTION_VERBS | C.DENIAL_VERBS | C.DISPUTE_VERBS
_CLAIMISH = frozenset("figure figures view claim claims estimate estimates number numbers toll projection account assessment".split())
_CONTRAST = frozenset("while whereas but though although".split())
_SUIT_VERBS = frozenset("claims claimed charged charges alleges says said contends contended".split())
_SUIT_NOUNS = frozenset("lawsuit suit complaint indictment petition claim".split())
#: verbs that put a second figure against a first (*while the union put the figure at 11,000*)
_FIGURE_VERBS = frozenset("""put puts putting valued values estimated estimates counted counts
said says say reported reports calculated calculates recorded records insisted claimed argued argues""".split())
#: what a party is charged with when no *-ing* verb follows (*charged with fraud*)
_OFFENCES = frozenset("""fraud murder manslaughter assault theft bribery corruption conspiracy
treason terrorism perjury obstruction embezzlement rape homicide extortion racketeering
misconduct contempt espionage kidnapping robbery negligence""".split())
#: blaming a party for something alleges its responsibility (*blamed the governor for the deficit*)
_BLAME = frozenset("blame blames blamed blaming".split())
_CON_FIRST = (frozenset(_FALSITY) | C.ALLEGATION_WORDS | C.DENIAL_VERBS | C.DISPUTE_VERBS | C.REJECTION_VERBS
              | {"claims"} | _CONTRAST | _SUIT_VERBS | C.DISMISSAL_VERBS | frozenset(_DISMISSALS) | {"no", "nope"}
              | _BLAME | {"charged", "criticism", "fire", "charges", "according", "sued", "sues", "suing"})
#: words that may stand between *charged* and *with* (the charged party): a name, a title, a number
_CHARGED_REACH = 14
# what may stand before a rebuttal's "No," / "Nope" (sentence start, "? No,", ": Nope")
_REBUTTAL_BEFORE = frozenset("? : — – - ...".split())
_SAYS = frozenset("says said insists insisted".split())


def _match(idx, toks: list[Token], i: int) -> int:
    """Return how many tokens of a phrase in ``idx`` start at ``i`` (0 when none): the longest
    phrase that matches (only one of each length can)."""
    entry = idx.get(toks[i].low)
    if entry is None:
        return 0
    single, longer = entry
    if longer and i + 1 < len(toks):
        for words in longer.get(toks[i + 1].low, ()):  # the first two words matched already
            n = len(words)
            if i + n <= len(toks):
                for k in range(2, n):
                    if toks[i + k].low != words[k]:
                        break
                else:
                    return n
    return 1 if single else 0


def _is_number(tok: Token) -> bool:
    return tok.text[:1].isdigit() or tok.low.split("-")[0] in _NUMBER_WORDS


#: units of time that *a* counts as one (*nearly a decade*, *almost a year and a half*)
_TIME_UNITS = frozenset("year decade century week month day hour minute generation".split())


def _number_follows(toks: list[Token], i: int) -> bool:
    """Whether a number (possibly after a currency sign) starts at token ``i``."""
    if i < len(toks) and toks[i].low in _CURRENCY:
        i += 1
    if i >= len(toks):
        return False
    t = toks[i]
    if t.low in ("a", "an"):
        # "about a third", "nearly a dozen", "about a 67-point margin", "nearly a decade" (one
        # unit of time), but not "about a plan" nor "about a 2016 law"
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return nxt is not None and (nxt.low in _NUMBER_WORDS or nxt.low in _TIME_UNITS
                                    or (_is_number(nxt) and not _is_year(nxt)))
    return _is_number(t)


def _is_year(tok: Token) -> bool:
    return tok.text.isdigit() and len(tok.text) == 4 and 1800 <= int(tok.text) <= 2100


#: words whose clause a modal right after them (or after them and a short subject) belongs to:
#: a relative, a question or a time clause (*workers who could leak*, *before police could*,
#: *what information could be useful*) says what was possible then, not how sure the claim is
_RELATIVE_OPENERS = frozenset("who which what whatever before until".split())


def _relative_modal(toks: list[Token], i: int) -> bool:
    """Whether the modal at ``i`` stands in a relative, question or time clause (at most two
    words after its opener, none of them punctuation)."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if not toks[j].is_word:
            return False
        if toks[j].low in _RELATIVE_OPENERS:
            return True
    return False


def _purpose_clause(toks: list[Token], i: int) -> bool:
    """Whether the modal at ``i`` opens a clause of purpose (*called so she could get the forms*,
    *so that they can vote*): what it says is an aim, not a hedge of the claim."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if toks[j].low == "so" and j > 0 and toks[j - 1].is_word and toks[j - 1].low not in ("and", "or", "but"):
            return all(x.low in ("that", *C.PRONOUNS, "you", "we", "i", "people") for x in toks[j + 1:i])
        if not toks[j].is_word:
            return False
    return False


#: approximators that hedge a multiple or *all* as they hedge a number (not *over*, *some*, *more than*)
#: words in -s or -ed before *past* that are no verb of motion (*the years past*, *was past*)
_NOT_MOTION = frozenset("years was is has days weeks months decades its".split())
_ROUGHLY = frozenset("about around roughly nearly almost approximately".split())
_MULTIPLES = frozenset("twice double triple thrice quadruple".split())


def estimated_cues(toks: list[Token]) -> Iterator[Hit]:
    """Yield the cues that present the claim as approximate, projected or uncertain."""
    n = len(toks)
    lows = {t.low for t in toks}
    deontic = bool(lows & C.DEONTIC_WORDS) or ("more" in lows and "no more than" in " ".join(t.low for t in toks))
    limit = deontic or bool(lows & C.LIMIT_CONTEXT)
    i = 0
    while i < n:
        t = toks[i]
        low = t.low
        if low not in _EST_FIRST:
            if not limit and i + 3 < n and toks[i + 1].low in ("to", "or") and _guessed_range(toks, i):
                # "40 to 50 emergencies", "five to 10 years", "seven or eight inquiries"
                yield ("estimated", "range", t.start, toks[i + 2].end)
            elif low == "would" and not limit:
                k = _projected_figure(toks, i)
                if k:
                    yield ("estimated", "projection", t.start, toks[k].end)  # "the tax would raise $220 billion"
            i += 1
            continue
        k = _match(_AGENTLESS, toks, i)
        if k:
            yield ("estimated", "agentless", t.start, toks[i + k - 1].end)
            i += k
            continue
        if low in _NEARING and t.text.islower() and not limit and (
                _number_follows(toks, i + 1) or i + 2 < n and toks[i + 1].low == "the" and _number_follows(toks, i + 2)):
            # "the share exceeds 7%", "it approaches 9%", "donations surged past the $1 billion mark":
            # a figure given as a bound passed or neared, as *more than* and *nearly* give it
            if low != "past" or (i > 0 and toks[i - 1].is_word and toks[i - 1].low.endswith(("ed", "es", "s"))
                                 and toks[i - 1].low not in _NOT_MOTION):
                yield ("estimated", "approximator", t.start, t.end)
                i += 1
                continue
        k = _match(_APPROX, toks, i)
        if k and i + k < n and low in _ROUGHLY and (toks[i + k].low in _MULTIPLES or toks[i + k].low == "all"
                                                    and low in ("nearly", "almost")):
            # "about twice the rate", "roughly double", "nearly all the increase": a figure by approximation
            yield ("estimated", "approximator", t.start, toks[i + k - 1].end)
            i += k
            continue
        if k and _number_follows(toks, i + k):
            negated = i > 0 and toks[i - 1].low in C.LIMIT_NEGATORS
            # "some" and "over" hedge only a bare number (some 11,000 people), not a year
            yearish = toks[i + k].text.isdigit() and len(toks[i + k].text) == 4 and low in ("over", "some", "around", "about")
            particle = low == "over" and i > 0 and toks[i - 1].low in C.OVER_PARTICLE_VERBS
            # "charged over a $2.3 million fund", "a row over 40 jobs": *over* says what it is about
            topic = low == "over" and i > 0 and toks[i - 1].low in _OVER_TOPIC
            # "faces up to 20 years in prison": the law's maximum, not a guess
            cap = low == "up" and k == 2 and _sentence_cap(toks, i)
            threshold = limit and " ".join(w.low for w in toks[i:i + k]) in C.THRESHOLD_APPROXIMATORS
            level = low == "up" and k == 2 and _after_level_verb(toks, i)
            # "labored over one of the addresses": one of many, no number to hedge
            one_of = toks[i + k].low == "one" and i + k + 1 < n and toks[i + k + 1].low == "of"
            if not negated and not yearish and not particle and not topic and not cap and not threshold \
                    and not level and not one_of \
                    and not _bracket_or_period(toks, i, k):
                yield ("estimated", "approximator", t.start, toks[i + k - 1].end)
                i += k
                continue
        k = _match(_HEDGES, toks, i)
        if k and toks[i + k - 1].low == "known" and i + k < n and toks[i + k].low in ("as", "for"):
            k = 0  # "is not known as a moderate": a reputation, not an unknown
        if k:
            yield ("estimated", "hedge", t.start, toks[i + k - 1].end)
            i += k
            continue
        k = _unnamed_belief(toks, i)
        if k:
            yield ("estimated", "agentless", t.start, toks[i + k - 1].end)
            i += k
            continue
        nxt_low = toks[i + 1].low if i + 1 < n else ""
        if low == "likely" and any(x.low in _ELECTORATE and all(u.is_word for u in toks[i + 1:m])
                                   for m, x in enumerate(toks[i + 1:i + 5], i + 1)):
            pass  # "likely voters", "likely Republican primary voters": a polling category, not a hedge
        elif low in ("expectations", "expectation") and i > 0 and toks[i - 1].low in _OUTCOME_OF_EXPECTATIONS:
            pass  # "beating expectations", "fell short of expectations": an outcome, not a forecast
        elif low in ("likely", "unlikely") and i > 0 and toks[i - 1].low in ("more", "less", "as") \
                and any(x.low in ("than", "as") for x in toks[i + 1:i + 8]):
            pass  # "more likely than Democrats to vote": a measured comparison, not a hedge
        elif low == "potential" and nxt_low in C.POTENTIAL_PEOPLE:
            pass  # "potential buyers": a category of people, not a guess
        elif low in C.MODALS and (low != "may" or (t.text == "may" and not deontic)):
            # "could not be reached", "could not convince": an inability, not a hedge
            if not (low == "could" and (nxt_low in ("not", "n't", "never") or i > 0 and toks[i - 1].low in _NO_ONE)) \
                    and low != "couldn't" and low != "couldn’t" \
                    and not _purpose_clause(toks, i) and not _relative_modal(toks, i):
                yield ("estimated", "modal", t.start, t.end)
        elif low in C.FORECAST_WORDS and t.text[:1].islower():
            # "sooner than expected", "better than forecast": an outcome compared with a forecast
            compared = i > 1 and toks[i - 1].low == "the" and toks[i - 2].low in C.OUTCOME_COMPARERS
            if not (i > 0 and toks[i - 1].low == "than") and not compared and not _outcome_forecast(toks, i) \
                    and not _revised_forecast(toks, i):
                yield ("estimated", "forecast", t.start, t.end)
        elif low == "between" and _number_follows(toks, i + 1):
            observed = any(toks[m].low in C.OBSERVED_RANGE_VERBS for m in range(max(0, i - 4), i))
            if _DASHED_RANGE.fullmatch(toks[i + 1].text) and not _is_year(toks[i + 1]) and not observed:
                yield ("estimated", "range", t.start, toks[i + 1].end)  # "between 600-700 emails"
            else:
                j = next((m for m in range(i + 2, min(n, i + 9)) if toks[m].low == "and"), None)
                years = _is_year(toks[i + 1]) or (j is not None and j + 1 < n and _is_year(toks[j + 1]))
                if j is not None and _number_follows(toks, j + 1) and not observed and not years:
                    yield ("estimated", "range", t.start, toks[j + 1].end)
        i += 1


#: a range written with a dash in one token: *600-700*
_DASHED_RANGE = re.compile(r"\d[\d,.]*[-–]\d[\d,.]*")
#: words before a range that make it a change, a tally, a score, an age band or odds: no guess
_NOT_GUESSED_BEFORE = frozenset("""from by voted vote votes margin ratio score odds ages aged age of
rose fell climbed dropped increased decreased grew jumped slipped went sentenced sentence faces face facing
carries carry punishable""".split())


#: verbs whose object is a figure that *would* projects: *would raise $220 billion*, *would cost 3,000 jobs*
_PROJECTING_VERBS = frozenset("""raise cost save reduce cut increase add create generate bring total reach
lower boost lift produce eliminate yield""".split())


def _projected_figure(toks: list[Token], i: int) -> int:
    """Return the index of the verb after *would* at ``i`` when a figure follows it (*would raise
    $220 billion*, *would still cost about 3,000 jobs*): a projected figure; else 0. Not a past
    conditional (*would have cost*) nor reported intent (*said it would cut 40 jobs*)."""
    m = i + 1
    while m < len(toks) and (is_adverb(toks[m]) or toks[m].low in ("still", "only", "also", "then")):
        m += 1
    if m >= len(toks) or toks[m].low not in _PROJECTING_VERBS:
        return 0
    if any(t.low in C.REPORTING_VERBS for t in toks[max(0, i - 4):i]):
        return 0  # "said it would cut 40 jobs": what someone said they would do
    j = m + 1
    while j < len(toks) and (toks[j].low in ("by", "about", "around", "nearly", "some", "an", "additional", "another")
                             or is_adverb(toks[j])):
        j += 1
    return m if _number_follows(toks, j) else 0


def _value(tok: Token) -> float | None:
    """Return the value of a plain number token (*40*, *1,200*, *five*), else None."""
    if tok.low in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[tok.low])
    text = tok.text.replace(",", "")
    try:
        return float(text) if text[:1].isdigit() else None
    except ValueError:
        return None


def _guessed_range(toks: list[Token], i: int) -> bool:
    """Whether tokens ``i``..``i + 3`` are a guessed range of a counted noun: a number, *to* or
    *or*, a larger number and a plural noun (*40 to 50 emergencies*, *five to 10 years*, *seven
    or eight inquiries*, *two or three new plants*: after *or*, one adjective may stand before
    the noun); not a change (*from 40 to 50*, *rose 5 to 10*), a tally or a score (*voted 5 to
    4*, *a ratio of 2 to 1*), an age band (*ages 18 to 34*) or years (*2010 to 2014*)."""
    if i + 3 >= len(toks) or toks[i + 1].low not in ("to", "or"):
        return False
    a, b = _value(toks[i]), _value(toks[i + 2])
    if a is None or b is None or not a < b or _is_year(toks[i]) or _is_year(toks[i + 2]):
        return False
    noun = toks[i + 3]
    if toks[i + 1].low == "or" and i + 4 < len(toks) and noun.is_word and noun.text.islower() \
            and not noun.low.endswith("s") and noun.low not in ("percent", "per"):
        noun = toks[i + 4]  # "seven or eight congressional inquiries"
    if not (noun.is_word and noun.text.islower() and (noun.low.endswith("s") or noun.low in ("percent", "per"))):
        return False
    if i > 0 and (toks[i - 1].low in C.CALENDAR or toks[i - 1].low == "those"):
        return False  # "from 40 percent on July 14 to 46 percent": a day; "those 18 to 25": an age band
    if toks[i + 3].low in ("years", "year") and i + 4 < len(toks) and toks[i + 4].low == "old":
        return False  # "4 to 20 years old": ages
    return not any(t.low in _NOT_GUESSED_BEFORE for t in toks[max(0, i - 4):i])


#: subjects before *could* that make it an impossibility, not a hedge (*nothing could change his mind*,
#: *nor could any money change hands*)
_NO_ONE = frozenset("nor nothing nobody none neither".split())
#: those a poll counts as *likely* to vote (*likely voters*, *likely Democratic caucusgoers*)
_ELECTORATE = frozenset("voters caucusgoers caucus-goers electorate".split())


_FORECAST_NOUNS = frozenset("""estimate estimates forecast forecasts projection projections expectation
expectations""".split())
_AS_FORECAST = frozenset("expected forecast predicted anticipated projected".split())


def _outcome_forecast(toks: list[Token], i: int) -> bool:
    """Whether the forecast word at ``i`` only frames an outcome: *as expected, X did*; *the sale,
    which had been expected,*; *in line with estimates*, *below analysts' expectations*."""
    low = toks[i].low
    before = toks[i - 1].low if i else ""
    after = toks[i + 1] if i + 1 < len(toks) else None
    if low in _AS_FORECAST and before == "as" and (after is None or not after.is_word):
        return True  # "As expected, Kellogg reported ..." (but "as expected to rise" stays)
    if low == "expected" and before == "been" and i > 1 and toks[i - 2].low == "had" \
            and (after is None or not after.is_word):
        return True  # "which had been expected," : it happened
    if low in _FORECAST_NOUNS and not (after is not None and after.low in ("of", "at", "for")
                                       and _number_follows(toks, i + 2)):
        # "beat estimates of 2.28 dlrs" still gives the estimated figure
        for m in range(i - 1, max(-1, i - 5), -1):
            w = toks[m]
            if w.low in C.FORECAST_COMPARERS:
                return True
            if not (w.is_word or w.is_possessive) or w.low in ("and", "but", "while"):
                break
    return False


def _after_level_verb(toks: list[Token], i: int) -> bool:
    """Whether the *up* of *up to* at ``i`` is the particle of a verb of a change in level
    (*ticked up to 5%*, *edged back up to*, *moved sharply up to*): an observed level."""
    m = i - 1
    while m > 0 and (toks[m].low in ("back", "further", "again") or is_adverb(toks[m])):
        m -= 1
    return m >= 0 and m < i and toks[m].low in C.LEVEL_UP_VERBS


def _revised_forecast(toks: list[Token], i: int) -> bool:
    """Whether the forecast noun at ``i`` is the object of a revision (*revised its estimates*,
    *cut their forecasts for the year*) and the clause gives no figure of it: the revision is
    an event, not an estimate (*revised its estimate to 2.1 percent* still is one)."""
    if toks[i].low not in _FORECAST_NOUNS:
        return False
    m = i - 1
    while m >= 0 and i - m <= 4 and (toks[m].low in C.DETERMINERS or toks[m].is_possessive
                                      or (toks[m].text.islower() and toks[m].low not in C.REVISION_VERBS)):
        m -= 1  # "its", "the bank's", "growth", "earlier"
    if m < 0 or m == i - 1 or toks[m].low not in C.REVISION_VERBS:
        return False
    for t in toks[i + 1:]:
        if t.text in CLAUSE_PUNCT or t.text in ".!?":
            break
        if _is_number(t):
            return False
    return True


def _bracket_or_period(toks: list[Token], i: int, k: int) -> bool:
    """Whether the approximator of ``k`` tokens at ``i`` is *over*/*under* naming an age or size
    bracket (*adults over 60*) or a period (*fell 8 percent over two days*), not *more than*."""
    if k != 1 or toks[i].low not in ("over", "under") or i + 1 >= len(toks):
        return False
    before = toks[i - 1].low if i else ""
    if before in C.GROUP_NOUNS:
        return True
    unit = toks[i + 2].low if i + 2 < len(toks) else ""
    # "for over 20 years", "lasted over two hours", "is over 30 years old": more than
    return toks[i].low == "over" and unit in C.TIME_UNITS and before not in _MORE_THAN_BEFORE


def _unnamed_belief(toks: list[Token], i: int) -> int:
    """Return the length of an unnamed group's belief starting at ``i`` (*observers believe*,
    *some scientists suspect*: agentless, spec section 2), else 0."""
    n = len(toks)
    if toks[i].low in C.UNNAMED_GROUPS and i + 1 < n and toks[i + 1].low in C.DOXASTIC_VERBS:
        of = next((m for m in range(i - 1, max(-1, i - 4), -1) if toks[m].low == "of"), None)
        if of is not None and _respondents(toks[max(0, of - 4):of]):
            return 0  # "Two-thirds of Democratic insiders said": a survey's share, not an unnamed group
        return 2
    if toks[i].low == "some" and i + 2 < n and toks[i + 1].low.endswith("s") and toks[i + 1].text.islower() \
            and toks[i + 2].low in C.DOXASTIC_VERBS:
        return 3
    return 0


def _negated(toks: list[Token], i: int) -> bool:
    return any(toks[m].low in C.NEGATORS or toks[m].low.endswith("n't")
               for m in range(max(0, i - 3), i))


_PERIODS = frozenset("week month year night weekend".split())


def _skip_adverbials(toks: list[Token], j: int) -> int:
    """Return the index after any adverbials at ``j`` that may sit between a verb and its object
    (*denied on Sunday that*, *flatly rejected*, *disputed last week the figures*)."""
    n = len(toks)
    while j < n:
        w = toks[j]
        if w.low == "on" and j + 1 < n and toks[j + 1].low in C.CALENDAR:
            j += 2
            # "on August 2"
            if j < n and toks[j].text.isdigit() and len(toks[j].text) <= 2:
                j += 1
        elif w.low == "last" and j + 1 < n and toks[j + 1].low in _PERIODS:
            j += 2
        elif w.low in ("again", "today", "yesterday", "tonight") or (is_adverb(w) and w.low not in C.MODALS):
            j += 1
        else:
            return j
    return j


#: what a passive rejection may have rejected that is no claim: a request, an offer, a proposal
#: (*calls to set up a commission were rejected by the council*, *a compromise rebuffed by
#: Republicans*): spec section 2, a rejected offer or bid is not a disputed claim
_REQUEST_NOUNS = frozenset("""offer offers bid bids request requests call calls appeal appeals compromise
compromises proposal proposals motion motions nomination nominations bill bills amendment amendments
application applications petition petitions deal deals plea pleas""".split())


#: words before *expectations* that make it the yardstick of an outcome, not a forecast
_OUTCOME_OF_EXPECTATIONS = frozenset("""beat beats beating beaten meet meets meeting met exceed exceeds exceeding
exceeded defy defies defying defied surpass surpassed surpassing of above below""".split())


def _criminal_charges(toks: list[Token], i: int) -> bool:
    """Whether *charges* at ``i`` are accusations: after *on*, *face(s/d)*, *facing*, *criminal*,
    *federal* or *new*, or before *of*/*that* with no figure (not *bank charges of $5*)."""
    before = toks[i - 1].low if i else ""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    after_fig = i + 2 < len(toks) and (toks[i + 2].text[:1].isdigit() or toks[i + 2].text[:1] in "$€£")
    if before in ("on", "faces", "face", "faced", "facing", "criminal", "federal", "felony", "corruption", "fraud"):
        return not after_fig
    return nxt is not None and nxt.low in ("of", "that") and not after_fig and before not in ("bank", "service", "late", "extra")


def _party_after(toks: list[Token], m: int) -> bool:
    """Whether a party follows ``toks[m]`` within three words: a capitalised word or a role noun
    (*on Kurdish militants*, *on the Kremlin*, *on officials*)."""
    for u in toks[m + 1:m + 4]:
        if u.is_cap or u.low in C.ROLE_NOUNS:
            return True
        if not u.is_word:
            return False
    return False


def _share_subject(toks: list[Token], i: int) -> bool:
    """Whether the verb at ``i`` has a share of people as its subject (*70 pct rejected the
    notion*, *a majority rejected the idea*): a poll's result, not a party disputing a claim."""
    return i > 0 and toks[i - 1].low in ("pct", "percent", "%", "majority", "plurality")


def _request_before(toks: list[Token], i: int) -> bool:
    """Whether the subject of the passive verb at ``i`` is a request: a request noun among the
    25 words before it, with no claim noun after that noun."""
    for m in range(i - 1, max(-1, i - 26), -1):
        if toks[m].text in (";", ".", "!", "?"):
            return False
        if toks[m].low in C.CLAIM_NOUNS and toks[m].low not in ("it", "this", "that", "them", "any", "these", "those"):
            return False
        if toks[m].low in _REQUEST_NOUNS:
            return True
    return False


def _claim_object(toks: list[Token], i: int, pronouns: bool, nouns: frozenset = C.CLAIM_NOUNS) -> bool:
    """Whether a claim (one of ``nouns``; or, with ``pronouns``, a clause or nothing) is the object
    of the verb at ``i``, after any adverbials (*denied on Sunday that ...*)."""
    n = len(toks)
    j = _skip_adverbials(toks, i + 1)
    if j >= n or toks[j].text in CLAUSE_PUNCT or toks[j].text in ".!?":
        return pronouns  # "which the Kremlin denies."
    nxt = toks[j]
    if nxt.low == "by":
        return not _request_before(toks, i)
    if pronouns and (nxt.low in C.CLAUSE_STARTERS or (nxt.low.endswith("ing") and nxt.text.islower())):
        return True
    if pronouns and _named_clause(toks, j):
        return True  # "denied Moscow had sent troops": a clause without "that"
    modifiers = 0
    for m in range(j, min(n, j + 5)):
        w = toks[m]
        if w.low in nouns and (pronouns or w.low not in ("it", "this", "that", "them", "any", "these", "those")):
            return True
        if w.low in ("of",):
            continue
        if w.low in C.DETERMINERS or (w.text[:1].islower() and w.low.endswith(("ed", "al", "ous", "ic", "ial"))) \
                or w.is_possessive or w.is_cap:
            continue
        if m > j and modifiers < 2 and w.is_word and w.text.islower():
            modifiers += 1  # a noun modifier: "denying a newspaper report"
            continue
        break
    return False


_CLAUSE_AUX = frozenset("""had has have was were is are would will could did does do
ever never""".split())


def _named_clause(toks: list[Token], j: int) -> bool:
    """Whether a clause with a named subject starts at ``j``: one to four capitalised words, then
    an auxiliary (*Moscow had*, *the Kurdish fighters were*)."""
    n = len(toks)
    m = j
    if m < n and toks[m].low == "the":
        m += 1
    start = m
    while m < n and m - start < 4 and toks[m].is_cap:
        m += 1
    return m > start and m < n and toks[m].low in _CLAUSE_AUX and toks[m].text.islower()


def _has_figure(toks: list[Token]) -> bool:
    return any(_is_number(t) and not _is_year(t) for t in toks)


def _conflicting(toks: list[Token], i: int) -> bool:
    """Whether the contrast word at ``i`` sets two parties' figures against each other (spec:
    *figures conflict*): a report with a figure before it, and after it a party that reports,
    puts or values a figure (*The company said 3,000 joined, while the union put it at 11,000*)."""
    left, right = toks[:i], toks[i + 1:i + 25]
    if not (_has_figure(left) and _has_figure(right)):
        return False
    lv = any(t.low in _FIGURE_VERBS and t.text.islower() for t in left)
    rv = next((k for k, t in enumerate(right) if t.low in _FIGURE_VERBS and t.text.islower()), None)
    if not lv or rv is None or rv == 0 or rv > 8:
        return False
    # the second party names itself before its verb (a role, a name, a determiner-led phrase)
    subj = right[:rv]
    if any(_is_number(t) for t in subj):
        return False  # "79 percent of Democrats say ..., while 49 percent of Republicans say": a poll split
    return any(t.is_cap or t.low in C.ROLE_NOUNS or t.low in C.DETERMINERS for t in subj) \
        and not any(t.low in C.PRONOUNS and t.low not in ("his", "her", "its", "their") for t in subj[:1])


#: words after which *over* means *about* (*charged over*, *a row over*, *fears over*)
_OVER_TOPIC = frozenset("""charged row rows dispute disputes clash clashed fight fighting battle sued suing sues
probe probed anger concern concerns worries fears outrage protest protests protested split tensions feud
standoff lawsuit suit arrested fined investigated quarrel spat""".split())
_FACING = frozenset("face faces facing faced".split())
_PENALTIES = frozenset("prison jail years months life sentence fine fines".split())


def _sentence_cap(toks: list[Token], i: int) -> bool:
    """Whether *up to* at ``i`` states a maximum penalty: after *face(s)* with a prison term or
    a fine within the next words (*faces up to 20 years in prison*)."""
    return i > 0 and toks[i - 1].low in _FACING and any(t.low in _PENALTIES for t in toks[i + 2:i + 7])


def _suit_cited(toks: list[Token], i: int) -> int:
    """Return where the suit is when *according* at ``i`` cites one (*according to a 52-count
    civil complaint filed by the SEC*, *according to the indictment*): a suit noun among the
    next words, before any punctuation and not before *of*; else 0. What a suit says is an
    allegation."""
    if i + 1 >= len(toks) or toks[i + 1].low != "to":
        return 0
    for k in range(i + 2, min(len(toks), i + 8)):
        t = toks[k]
        if not t.is_word:
            return 0
        if t.low in _SUIT_NOUNS and t.low != "claim":
            return 0 if k + 1 < len(toks) and toks[k + 1].low == "of" else k
    return 0


_SUIT_REASONS = frozenset("saying claiming alleging arguing contending".split())


def _suit_reasons(toks: list[Token], i: int) -> bool:
    """Whether the party that *sued* at ``i`` gives its grounds in a participle after a comma
    (*sued the city over the rules, saying they violate ...*): the suit's claim, an allegation."""
    for k in range(i + 1, min(len(toks) - 1, i + 14)):
        if toks[k].text == "," and toks[k + 1].low in _SUIT_REASONS:
            return True
        if toks[k].text in ".;:" or toks[k].text in QUOTES:
            return False
    return False


def _suit_subject(toks: list[Token], i: int) -> bool:
    """Whether a lawsuit or complaint is the subject of the verb at ``i`` (*the lawsuit claims*):
    what a suit claims is an allegation."""
    if not toks[i].text.islower() or i == 0:
        return False
    return toks[i - 1].low in _SUIT_NOUNS and (i < 2 or toks[i - 2].low not in ("of", "for", "to"))


def _relative_object(toks: list[Token], i: int) -> bool:
    """Whether the dispute verb at ``i`` closes a relative clause whose antecedent is the claim
    (*which the company rejected*, *a figure management disputed*)."""
    n = len(toks)
    after = toks[i + 1] if i + 1 < n else None
    if not (after is None or not after.is_word or after.low == "as") or _negated(toks, i):
        return False
    for m in range(i - 1, max(-1, i - 6), -1):
        w = toks[m].low
        if w in ("which", "that") and m > 0 and toks[m - 1].text == ",":
            return True
        if w in _CLAIMISH and m < i - 1 and m > 1 and toks[m - 1].low in ("a", "an") and toks[m - 2].text == ",":
            return True  # ", a figure the federation disputes"
        if w in _CLAIMISH and m > 0 and toks[m - 1].low in ("which", "that") and m < i - 1:
            return True
        if toks[m].text in CLAUSE_PUNCT:
            return False
    return False


def _rebuttal(toks: list[Token], i: int) -> bool:
    """Whether *No* / *Nope* at ``i`` answers a claim with a rebuttal: it opens the sentence (not a
    quote) or follows *?*, *:* or a dash, and is followed by a negated clause (*No, the bridge has
    not been closed*), by *, says X*, or ends the sentence (*Sold out? Nope.*)."""
    n = len(toks)
    if i > 0 and toks[i - 1].text not in _REBUTTAL_BEFORE:
        return False
    nxt = toks[i + 1] if i + 1 < n else None
    if toks[i].low == "nope":
        return i > 0 or nxt is None or not nxt.is_word
    if nxt is None or nxt.text not in (",", "—", "–", "-"):
        return False
    if i + 2 < n and toks[i + 2].low in _SAYS:
        return True  # "Expansion ahead? No, says the commissioner"
    return any(toks[m].low in C.NEGATORS or toks[m].low.endswith(("n't", "n’t"))
               for m in range(i + 2, n))


#: what follows *that* in a relative clause whose subject is the word before (*a contest that was close*)
_RELATIVE_AUX = _BE_LIKE | C.MODALS | frozenset("has have had will would did does".split())


def _dispute_noun(toks: list[Token], i: int) -> bool:
    """Whether the dispute word at ``i`` is a noun (*a three-way contest*, *the series of contests*,
    *nominating contests*, *two contests*, *contests that follow*): after a preposition other than
    *to*, a number, a hyphenated modifier or an *-ing* modifier, or as the subject of a relative
    clause (*that* and then an auxiliary or a verb in -s/-ed)."""
    before = toks[i - 1] if i else None
    if before is not None and before.is_word and (
            (before.low in C.PREPOSITIONS and before.low != "to") or _is_number(before) or "-" in before.low.strip("-")
            or (before.low.endswith("ing") and before.text.islower() and len(before.low) > 5)):
        return True
    if i + 2 < len(toks) and toks[i + 1].low == "that":
        nxt = toks[i + 2]
        return nxt.low in _RELATIVE_AUX or (nxt.text.islower() and nxt.low.endswith(("ed", "es")) and len(nxt.low) > 4)
    return False


def contested_cues(toks: list[Token]) -> Iterator[Hit]:
    """Yield the cues that put the claim in dispute: allegations, denials, disputes, falsity."""
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        low = t.low
        if low not in _CON_FIRST:
            i += 1
            continue
        k = _match(_FALSITY, toks, i)
        if k:
            yield ("contested", "falsity", t.start, toks[i + k - 1].end)
            i += k
            continue
        if low in _DISPUTING and _relative_object(toks, i):
            # "..., which the company rejected.", "a figure management disputed", "a view which X rejects"
            yield ("contested", "rejection", t.start, t.end)
        elif low in C.ALLEGATION_WORDS:
            yield ("contested", "allegation", t.start, t.end)
        elif low in _BLAME:
            # "blamed the governor for": a party alleges another's fault; not "took the blame for",
            # nor the passive "a storm was blamed for the deaths" (a cause named by nobody); but the
            # passive over an act, "have been blamed for introducing cholera", alleges the act
            passive_act = i and toks[i - 1].low in _BE_LIKE and i + 2 < n and toks[i + 1].low == "for" \
                and toks[i + 2].low.endswith("ing") and toks[i + 2].text.islower()
            # "blame the blast on Kurdish militants": a party blamed (not "blamed it on a bad earpiece")
            on = not passive_act and i + 1 < n and toks[i + 1].is_word and toks[i + 1].low not in ("on", "it") \
                and any(x.low == "on" and _party_after(toks, m) for m, x in enumerate(toks[i + 2:i + 40], i + 2))
            if (passive_act or not (i and (toks[i - 1].low in C.DETERMINERS or toks[i - 1].is_possessive
                                           or toks[i - 1].low in _BE_LIKE))) \
                    and (any(x.low == "for" for x in toks[i + 1:i + 7]) or on) and not _negated(toks, i):
                yield ("contested", "allegation", t.start, t.end)
        elif low == "charged" and t.text.islower() and not _negated(toks, i) and any(
                x.low == "with" and m + 1 < n and (toks[m + 1].low.endswith("ing") or toks[m + 1].low in _OFFENCES)
                for m, x in enumerate(toks[i + 1:i + 1 + _CHARGED_REACH], i + 1)):
            # "prosecutors charged two developers with defrauding investors", "was charged with fraud"
            yield ("contested", "allegation", t.start, t.end)
        elif low == "charges" and _criminal_charges(toks, i):
            # "arrested on charges of trespass", "faces charges that he lied": an allegation
            yield ("contested", "allegation", t.start, t.end)
        elif (low == "criticism" and i + 1 < n and toks[i + 1].low == "for") or (
                low == "fire" and i > 0 and toks[i - 1].low == "under" and i + 1 < n and toks[i + 1].low == "for"):
            # "faced sharp criticism for failing to", "came under fire for": a fault alleged
            yield ("contested", "allegation", toks[i - 1].start if low == "fire" else t.start, toks[i + 1].end)
        elif low in C.DENIAL_VERBS:
            # "refuses to confirm or deny": no denial
            undecided = i > 1 and toks[i - 1].low in ("or", "nor") and toks[i - 2].low in ("confirm", "confirms", "confirmed")
            passive_request = i > 0 and toks[i - 1].low in _BE_LIKE | {"been"} and _request_before(toks, i)
            if not _negated(toks, i) and not undecided and not passive_request \
                    and _claim_object(toks, i, pronouns=True):
                start = t.start
                # "which the Kremlin denies": the cue runs from the relative pronoun
                for m in range(i - 1, max(-1, i - 6), -1):
                    if toks[m].low in ("which", "who", "a", "an") or toks[m].text in CLAUSE_PUNCT:
                        if toks[m].low in ("which", "who"):
                            start = toks[m].start
                        break
                yield ("contested", "denial", start, t.end)
        elif low in C.DISPUTE_VERBS and not _dispute_noun(toks, i):
            before = toks[i - 1] if i else None
            # "a pay dispute", "the disputed waters", "a hotly contested referendum": no verb;
            # but "strongly disputing accusations" is a verb with a claim as object
            adverb_verb = before is not None and before.low.endswith("ly") and _claim_object(toks, i, pronouns=False)
            if adverb_verb:
                yield ("contested", "dispute", t.start, t.end)
            elif before is None or not (before.low in C.DETERMINERS or before.is_possessive
                                        or before.low.endswith("ly")):
                after = toks[i + 1] if i + 1 < n else None
                if before is not None and before.low in _BE_LIKE:
                    if after is None or after.low == "by" or not after.is_word:
                        yield ("contested", "dispute", t.start, t.end)
                elif after is not None and (after.low in _OBJECT_OPENERS or (
                        _claim_object(toks, i, pronouns=False) and before is not None
                        and before.low not in C.PREPOSITIONS and before.low not in ("as", "and", "or"))):
                    yield ("contested", "dispute", t.start, t.end)
                elif (after is None or not after.is_word) and low in ("disputes", "disputed") and before is not None \
                        and (before.is_cap or before.low in C.ROLE_NOUNS or before.low in C.PRONOUNS
                             or (i > 1 and toks[i - 2].low in C.DETERMINERS)):
                    # "a figure which the county disputes."
                    yield ("contested", "dispute", t.start, t.end)
        elif low in C.REJECTION_VERBS and not _negated(toks, i):
            if _claim_object(toks, i, pronouns=False) and not _share_subject(toks, i):
                yield ("contested", "rejection", t.start, t.end)
        elif low in _CONTRAST and i > 2 and (i + 1 < n) and _conflicting(toks, i):
            yield ("contested", "conflict", t.start, t.end)
        elif low in C.DISMISSAL_VERBS and not _negated(toks, i):
            if _claim_object(toks, i, pronouns=False, nouns=C.DISMISSED_NOUNS):
                yield ("contested", "rejection", t.start, t.end)
        elif (k := _match(_DISMISSALS, toks, i)) and not _negated(toks, i):
            # "shot down reports that", "put the rumours to rest" is not matched, "rumour put to rest" is
            if _claim_object(toks, i + k - 1, pronouns=False, nouns=C.DISMISSED_NOUNS) or (
                    i > 0 and toks[i - 1].low in C.DISMISSED_NOUNS):
                yield ("contested", "rejection", t.start, toks[i + k - 1].end)
        elif low in ("no", "nope") and _rebuttal(toks, i):
            yield ("contested", "rebuttal", t.start, t.end)
        elif low in _SUIT_VERBS and _suit_subject(toks, i):
            yield ("contested", "allegation", t.start, t.end)
        elif low == "according" and (k := _suit_cited(toks, i)):
            yield ("contested", "allegation", toks[k].start, toks[k].end)  # "according to the complaint"
        elif low in ("sued", "sues", "suing") and _suit_reasons(toks, i):
            yield ("contested", "allegation", t.start, t.end)  # "sued the city, saying the rules ..."
        elif low == "claims" and i + 2 < n and toks[i + 1].low == "of" and i > 0 \
                and (toks[i - 1].low in _CLAIMS_OF_AFTER or toks[i - 1].is_possessive) \
                and not _is_number(toks[i + 2]) and toks[i + 2].low not in _CURRENCY:
            yield ("contested", "claims-of", t.start, toks[i + 1].end)
        i += 1


_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return ``text`` with runs of white space made single spaces (for matching only)."""
    return _WS.sub(" ", text)
