"""Whether the clause that names a bare month, season, quarter or weekday looks ahead of
publication or back from it.

A month without a year (*in December*) lies on either side of the publication date, and only
the clause says which: *the bank will decide in December*, *a possible rise in December*,
*plans to retire in October* look ahead; *the council rejected it in December* looks back.
The word that decides is the nearest tense or modality marker before the date in its clause
(:data:`.words.FORWARD_WORDS`, :data:`.words.PAST_WORDS`, and any verb ending in *-ed*),
else the nearest after it. A clause with neither is *unknown*: the caller keeps its rule for
the present (a bare month is then its latest occurrence up to publication).
"""
from __future__ import annotations

import re

from .scan import Sentence
from .words import (COMMITMENT_VERBS, FORWARD_WORDS, MONTHS, NOT_PLURAL, PAST_WORDS, SCHEDULED_PLURAL,
                    SCHEDULED_PRESENT, SIGNALLED_MOVES, SIGNALLING_VERBS, SMALL_NUMBERS, WEEKDAYS)


def _phrases(phrases: tuple[str, ...]) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Return the one-word and the two-word phrases of a word list."""
    ones = frozenset(p for p in phrases if " " not in p)
    twos = frozenset(tuple(p.split(" ", 1)) for p in phrases if " " in p)
    return ones, twos


_FORWARD, _FORWARD2 = _phrases(FORWARD_WORDS)
_PAST, _PAST2 = _phrases(PAST_WORDS)
#: words are found with one cheap pattern and looked up, not matched against a long
#: alternation at every position: this runs for every date without a year
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|['’]ll\b")
#: a participle after *be* (*can't be challenged until December*) is no past tense
_BE = frozenset(("be", "is", "are", "been", "being"))
#: irregular past forms that are also participles: after *be* they are passive (*will be held*)
_PARTICIPLES = frozenset("held made paid sold bought left led met won lost built caught found "
                         "hit kept meant sent shot spent struck taught thought understood brought "
                         "fought told said".split())
#: a word after one of these is an adjective (*a contested convention*, *the revised plan*),
#: not a verb in the past tense
_DETERMINERS = frozenset("a an the this that these those its his her their our your my any each "
                         "every no".split())
#: -ed words that are no past tense
_NOT_PAST = frozenset("hundred indeed need speed seed feed proceed exceed succeed red bed shed "
                      "united limited based related supposed".split())
#: a forward word that looks back here: *than expected*, *as planned*, *next to*, *could not*
#: participles of forecasting that, after *than* or *as*, tell a forecast already made (*rose more
#: than expected in December*, *less than forecast in July*)
_COMPARED_PARTICIPLES = frozenset("expected forecast predicted projected estimated anticipated planned reported".split())
_NEXT_TO = re.compile(r"\s+to\b")
_TO = _NEXT_TO
#: what stands before *likely* when it forecasts (*is likely*, *will likely*, *most likely*)
_PREDICATE_BEFORE = frozenset("is are was were be been being will would seems seem looks look appears "
                              "appear most more very highly quite increasingly".split())
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_NOT = re.compile(r"\s+(?:not|never)\b")
#: an infinitive: *to raise*, not *to 16.6 mln*, *to the group* nor *agreed to it*
_INFINITIVE = re.compile(r"\bto\s+(?!the\b|an?\b|its\b|their\b|his\b|her\b|this\b|that\b"
                         r"|it\b|them\b|him\b|us\b|me\b|you\b)[a-z]+\b")

#: commitments that name what is still to come when they carry no date of their own
_PROMISED = frozenset("planned promised pledged vowed intended threatened".split())
#: a report in the present tense (*shows*, *says*): the clause after it is what it reports
_REPORTS_NOW = re.compile(r"\b(?:shows|says|finds|suggests|indicates|reports|argues|notes|warns|claims|contends|"
                          r"insists|concludes|estimates|predicts|projects)\b")

#: what follows a verb in the past tense rather than the noun an adjective qualifies
_AFTER_A_VERB = frozenset("on in at last this earlier late early during after before since until by "
                          "yesterday today".split())
WEEKDAY_NAMES = frozenset(d.capitalize() for d in WEEKDAYS)
MONTH_NAMES = frozenset(m.capitalize() for m in MONTHS if len(m) > 3)
#: a date of a commitment's own, between it and its infinitive (*agreed in May to*, *voted on
#: Tuesday to*, *decided last week to*)
_DATED = re.compile(r"\b(?:in|on|at|last|this|earlier|late|early|since|by)\b|\d|\b(?:%s)\b"
                    % "|".join(sorted(MONTH_NAMES | WEEKDAY_NAMES)))
#: an infinitive (*to win*, *to cast a ballot*) in a clause with no verb in the past tense
#: before it looks ahead: what is to be done. Not after these words (*according to*, *next to*,
#: *close to*), nor before a noun that follows *to* as a place or state (*to church*, *to power*)
_NOT_INFINITIVE_BEFORE = frozenset("according due next close closer compared thanks prior up back down "
                                   "similar related opposed addition relation respect regard contrary "
                                   "leading ahead right access answer key path road return visit trip letter "
                                   "reference threat response approach alternative way".split())
#: an infinitive governs a date only this many words before it, with no finite verb between
#: (*groups encouraging her to run ... are hailing her speech on Thursday*: the speech is past)
_INFINITIVE_REACH = 10
_FINITE_BETWEEN = re.compile(r"\b(?:is|are|was|were|has|have|had|am)\b", re.I)
#: a verb in the present between a past verb and an infinitive: the infinitive's clause is not the past one
_PRESENT_BETWEEN = re.compile(r"\b(?:is|are|am)\b")
#: irregular participles: after *has*, *have* they make a present perfect, which looks back
_PERFECT = frozenset("taken given done gone seen written spoken chosen shown known grown become begun "
                     "come run fallen risen driven broken stolen forgotten gotten drawn thrown sworn "
                     "beaten hidden ridden shaken".split())
_TO_NOUNS = frozenset("church court power office date work school college war bed town market trial death "
                      "jail prison home camp hospital lunch dinner breakfast mass court congress parliament "
                      "vote date zero".split())
_NOT_INFINITIVE = frozenset("the a an its their his her this that these those it them him us me you my our "
                            "your some any all each every no one two three four five six seven eight nine ten "
                            "be".split())
#: a wish or plan in the past progressive (*they were hoping to ...*): it says nothing of
#: which side of publication its date lies
_PAST_PROGRESSIVE = frozenset(("was", "were"))

#: the verb that governs a date stands in its clause, not a page away
_REACH = 200
#: a verb after a date in its clause (*on Tuesday after backing him*): the date does not open a
#: phrase that leads into the next clause (as *On Tuesday in Ohio*, *In a July interview* do)
_VERB_AFTER = re.compile(r"\b(?!(?:morning|evening|during|according|including|following|nothing|something|"
                         r"spring|string|thing|things)\b)[a-z]{2,}(?:ing|ed)\b"
                         r"|\b(?:is|are|was|were|has|have|had)\b")
#: a phrase that opens the sentence with a preposition leads into the clause after it too (*In
#: the primary on Tuesday, Kingson faces ...*, *At a rally in Ohio on Monday, she said ...*)
_LEAD_IN = 7
_LEAD_IN_WORDS = frozenset("in at during on after before by".split())
#: a second phrase led in by a preposition after an opening date (*In January, in his final address
#: to Congress, he ...*) is at most this long
_LEAD_IN_CHAINED = 10
_CLAUSE_MARKS = ",;:(—–"


def _word_before(s: Sentence, at: int) -> str:
    """Return the word just before ``at`` in the sentence, lower case ('' at its start)."""
    m = _LAST_WORD.search(s.text, max(s.lo, at - 30), at)
    return m.group(1).lower() if m else ""


def _opens(s: Sentence, at: int) -> bool:
    """Whether the word at ``at`` opens the sentence (after quotation marks): a capital there
    is the sentence's, not a name's (*Asked on Monday whether ...*)."""
    return not s.text[s.lo:at].strip(" \t\n\"'“‘")


_LAST_VERB_BEFORE = frozenset("will would could can may might should must to not n't".split())
_LAST_VERB_AFTER = frozenset("into through until till for beyond longer".split())


def _past_form(s: Sentence, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token ``i`` is a verb in the past tense: a listed past form, or a lower-case
    word in *-ed* (capitalised only where it opens the sentence); not a participle after *be*
    (*will be held*, *can't be challenged*) nor an adjective after a determiner (*the revised
    plan*)."""
    start, _, raw = tokens[i]
    word = raw.lower()
    before = tokens[i - 1][2].lower() if i else ""
    if word == "last" and (before in _LAST_VERB_BEFORE or (i + 1 < len(tokens)
                                                            and tokens[i + 1][2].lower() in _LAST_VERB_AFTER)):
        return False  # "will last into January", "could last for years": the verb, not "last year"
    if word == "last" and (before in _DETERMINERS or i + 1 < len(tokens) and tokens[i + 1][2].lower() == "of"):
        return False  # "the last of the primaries", "its last round": an order, not a time gone by
    if word in _PAST:
        return not (word in _PARTICIPLES and before in _BE)
    if len(raw) <= 2 or not raw.endswith("ed") or word in _NOT_PAST or before in _BE:
        return False
    if before in _DETERMINERS and not (before == "that" and _verb_after_that(tokens, i)):
        return False
    if raw.islower():
        return True
    return _opens(s, start) and len(raw) > 4 and i + 1 < len(tokens) and tokens[i + 1][2].islower()


def _verb_after_that(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the *-ed* word ``i`` after *that* is a verb (*the states that voted Tuesday*,
    *a law that passed in May*), not an adjective (*that revised plan*): a time or a preposition
    follows it, not a noun."""
    if i + 1 >= len(tokens):
        return True
    raw = tokens[i + 1][2]
    return raw.lower() in _AFTER_A_VERB or raw in WEEKDAY_NAMES or raw in MONTH_NAMES


def _infinitive(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether *to* (token ``i``) opens an infinitive: a lower-case word after it that is no
    pronoun, determiner, number, plural or gerund, and no listed word before it."""
    if i + 1 >= len(tokens) or not i or tokens[i + 1][0] != tokens[i][1] + 1:
        return False  # the next word must follow *to* at once: not *to 139 in June*
    raw = tokens[i + 1][2]
    if not raw.islower() or raw in _NOT_INFINITIVE or raw in _TO_NOUNS or raw.endswith("ing"):
        return False
    if raw.endswith("s") and not raw.endswith("ss"):
        return False
    return tokens[i - 1][2].lower() not in _NOT_INFINITIVE_BEFORE


def _plural(word: str) -> bool:
    """Whether a lower-case word looks like a plural noun (*ministers*, *states*; not *its*, *news*)."""
    return word.endswith("s") and not word.endswith("'s") and word not in NOT_PLURAL and len(word) > 3


def _scheduled(s: Sentence, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token ``i`` is a verb of a scheduled event in the present tense (*meets*,
    *opens*): a listed word in lower case, not a noun after a determiner, a possessive or a
    number (*the visits*, *Obama's visits*, *two holds*, *3 starts*); or a listed base form
    after a plural subject (*ministers meet*, *they meet*)."""
    start, _, raw = tokens[i]
    if not i:
        return False
    before = tokens[i - 1][2].lower()
    if raw in SCHEDULED_PLURAL:
        # a plural subject, or a compound subject of names ("Trump and Clinton meet Monday"), or a
        # relative pronoun after a plural ("the states that vote in March")
        if before in ("that", "who") and i > 1:
            return _plural(tokens[i - 2][2].lower())
        return (before in ("they", "we") or _plural(before)
                or tokens[i - 1][2][:1].isupper() and any(t[2] == "and" for t in tokens[max(0, i - 6):i - 1]))
    if raw not in SCHEDULED_PRESENT:
        return False
    gap = s.text[tokens[i - 1][1]:start]
    return (before not in _DETERMINERS and before not in SMALL_NUMBERS and not before.endswith("'s")
            and not any(ch.isdigit() for ch in gap))


def _markers(s: Sentence, lo: int, hi: int, present: bool = False) -> list[tuple[int, int, str, str]]:
    """Return the tense markers in ``text[lo:hi]``: (start, end, "future"/"past", word); with
    ``present``, a scheduled event's verb in the present tense (:func:`_scheduled`) looks ahead."""
    tokens = [(m.start(), m.end(), m.group().replace("’", "'")) for m in _TOKEN.finditer(s.text, lo, hi)]
    out = []
    i = 0
    while i < len(tokens):
        start, end, raw = tokens[i]
        word = raw.lower()
        nxt = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
        if (word, nxt) in _FORWARD2 or (word, nxt) in _PAST2:
            kind = "future" if (word, nxt) in _FORWARD2 else "past"
            if kind == "future" and word.endswith("ing") and i and tokens[i - 1][2].lower() in _PAST_PROGRESSIVE:
                kind = "unknown"  # "they were hoping to win on Tuesday"
            out.append((start, tokens[i + 1][1], kind, f"{word} {nxt}"))
            i += 2
            continue
        if word in _COMPARED_PARTICIPLES and i and tokens[i - 1][2].lower() in ("than", "as") \
                and s.text[tokens[i - 1][1]:start].isspace():
            # "less than forecast in July", "as predicted in March": a forecast made before (not the
            # adjective "a better-than-expected finish")
            out.append((start, end, "past", word))
        elif word in _FORWARD and (word != "may" or raw == "may") or word.endswith("'ll"):
            out.append((start, end, "future", word))
        elif _past_form(s, tokens, i):
            out.append((start, end, "past", word))
        elif present and _scheduled(s, tokens, i):
            out.append((start, end, "future", word))
        elif word in _PERFECT and i and tokens[i - 1][2].lower() in ("has", "have"):
            out.append((start, end, "past", word))  # "fans have taken to social media"
        elif word == "to" and _infinitive(tokens, i):
            out.append((start, tokens[i + 1][1], "infinitive", f"to {nxt}"))
        i += 1
    return out


def _reading(s: Sentence, start: int, end: int, kind: str, word: str) -> str | None:
    """Return "future", "past" or None (no marker after all) for a marker."""
    if kind in ("past", "unknown", "infinitive"):
        return kind
    if word == "next" and _NEXT_TO.match(s.text, end, s.hi):
        return None  # "next to the plant": beside it
    if word in ("likely", "unlikely") and not (_TO.match(s.text, end, s.hi)
                                                or _word_before(s, start) in _PREDICATE_BEFORE):
        return None  # "likely voters": an adjective; "is likely to", "will likely" look ahead
    if word == "could" and _NOT.match(s.text, end, s.hi):
        return "past"  # "could not agree in December": what did not happen
    return "future"


def tense(s: Sentence, start: int, end: int, *, strict: bool = False,
          committed: bool = False, present: bool = False) -> str | None:
    """Return "future" or "past" for the marker that governs the date: the nearest one before
    it in its clause (*plans to step down in October, said ...*), else the nearest after it
    in its clause, or past the clause's end when the date opens it (*On Monday, Bolton will
    meet ...*), else (unless ``strict``) the nearest before it at all; None when there is
    none. A commitment made in the past to act later (*vowed to stay until July*) gives
    "committed" when ``committed`` is set, else None: it looks ahead of itself, not of
    publication. ``present``: a scheduled event's verb in the present tense is a marker that
    looks ahead (*the council meets Monday*; see :data:`.words.SCHEDULED_PRESENT`)."""
    before_clause, after, before_any, _, _ = _governing(s, start, end, strict, present)
    said = before_clause or after or (None if strict else before_any)
    if said == "unknown":
        return "committed" if committed else None
    return said


def _governing(s: Sentence, start: int, end: int, strict: bool,
               present: bool) -> tuple[str | None, str | None, str | None, int, int]:
    """Return the readings of :func:`tense`'s three candidate markers: the nearest before the
    date in its clause, the nearest after it there (or in the clause an opening date leads
    into), the nearest before it at all; and where the first two start (-1 without one)."""
    lo, hi = max(s.lo, start - _REACH), min(s.hi, end + _REACH)
    clause_start = max(lo, max(s.text.rfind(mark, lo, start) for mark in _CLAUSE_MARKS) + 1)
    clause_end = _mark_after(s, end, hi)
    # a date that opens its clause (*On Monday, Bolton will meet*, *In a July interview with a
    # host, he ...*) takes its tense from the clause after it; one inside a clause of its own
    # does not, nor one with a verb after it in its clause (in *who fired the chief, on Tuesday
    # after backing him - is in no danger, and the next ...* the next clause is not its own)
    head = s.text[clause_start:start].split()
    lead_in = 2 < len(head) <= _LEAD_IN and clause_start == s.lo and head[0].lower() in _LEAD_IN_WORDS
    opening = (len(head) <= 2 or lead_in) and not _VERB_AFTER.search(s.text, end, clause_end)
    # the clause that an opening date leads into ends at the next clause mark after it:
    # *After Tuesday, his chance rests on one hope: that delegates will ...* looks back
    next_end = hi
    if opening and not strict and clause_end < hi:
        next_end = _next_clause_end(s, clause_end, hi)
    before_clause = before_any = after = None
    before_at = after_at = -1
    qualifying: tuple[str, int] | None = None
    for m_start, m_end, kind, word in _markers(s, lo, hi, present):
        if start <= m_start < end or m_start < start < m_end:
            continue  # inside the date itself (*next May*)
        said = _reading(s, m_start, m_end, kind, word)
        if said is None:
            continue
        if said == "infinitive":
            # looks ahead only before the date, in its clause, with no past verb before it there
            between = s.text[m_end:start]
            # a past verb before it rules it out, unless a verb in the present stands between the
            # two (*there was talk of the voters who are eligible to cast a ballot in November*)
            earlier = before_clause not in ("past", "unknown") or (
                before_at >= 0 and _PRESENT_BETWEEN.search(s.text, before_at, m_start) is not None)
            if (m_end <= start and m_start >= clause_start and earlier
                    and len(between.split()) <= _INFINITIVE_REACH and not _FINITE_BETWEEN.search(between)):
                before_clause, before_at = "future", m_start
            continue
        if m_end <= start:
            inf = _INFINITIVE.search(s.text, m_end, start) if said == "past" and word in COMMITMENT_VERBS else None
            if inf is not None:
                # "agreed in May to raise output in the third quarter": a commitment dated on its own
                # looks ahead of that date, on either side of publication; a plan or promise with no
                # date of its own ("said he planned to visit before January") was made about now: it
                # looks ahead (not an attempt: "sought to appeal to voters on Tuesday" is past)
                said = "future" if word in _PROMISED and not _DATED.search(s.text, m_end, inf.start()) else "unknown"
            elif said == "past" and word in SIGNALLING_VERBS and _signalled_move(s.text[m_end:start]):
                said = "future"  # "has signalled another rise in February": the rise, still ahead
            before_any = said
            if m_start >= clause_start:
                before_clause, before_at = said, m_start
        elif m_start >= end and after is None and (m_end <= clause_end
                                                   or opening and not strict and m_end <= next_end) \
                and not _REPORTS_NOW.search(s.text, end, m_start):
            # not past a report in the present (*A poll in January shows voters will ...*): what
            # follows it is what was reported, in a tense of its own
            if said == "past" and _qualifies_noun(s, m_start):
                # *On Monday, members of the group he founded will hold ...*: the clause's own
                # verb comes later; this one is taken only when none does
                qualifying = qualifying or (said, m_start)
                continue
            after, after_at = said, m_start
    if after is None and qualifying:
        after, after_at = qualifying
    return before_clause, after, before_any, before_at, after_at


#: a subject pronoun right after a noun (and *that*, *which*, *whom*) opens a clause that qualifies
#: the noun: *members of the group he co-founded will hold*, *the money that they raised will go*
_RELATIVE_BEFORE = re.compile(r"\b([a-z]+)\s+(?:(?:that|which|whom?)\s+)?(?:he|she|they|we|I|you)\s+(?:[a-z]+-)?$")
#: words before a pronoun that open a clause of their own or report one, not a noun it qualifies
_NOT_QUALIFIED = frozenset("and or but so then when while if as because though although since after before "
                           "until unless once that which who whom where how why what whether than nor "
                           "yet".split())


def _qualifies_noun(s: Sentence, at: int) -> bool:
    """Whether the verb at ``at`` is that of a clause qualifying the noun before it (*the group
    he founded*): it does not tell the tense of the clause around it."""
    m = _RELATIVE_BEFORE.search(s.text, max(s.lo, at - 40), at)
    return (bool(m) and m.group(1) not in _NOT_QUALIFIED and m.group(1) not in _REPORTING
            and not m.group(1).endswith("ed"))


def _mark_after(s: Sentence, at: int, hi: int) -> int:
    """Return where the first clause mark (or closing bracket) in ``text[at:hi]`` stands, else ``hi``."""
    return min((m for m in (s.text.find(mark, at, hi) for mark in _CLAUSE_MARKS + ")") if m >= 0), default=hi)


def _next_clause_end(s: Sentence, at: int, hi: int) -> int:
    """Return the end of the clause after the clause mark at ``at``: the next mark, or past it
    while what lies between is one more phrase led in by a preposition with no verb (*In
    January, in his final address to Congress, he conceded ...*: the clause is *he conceded*)."""
    while True:
        end = _mark_after(s, at + 1, hi)
        head = s.text[at + 1:end].split()
        if (end >= hi or not head or head[0].lower() not in _LEAD_IN_WORDS or len(head) > _LEAD_IN_CHAINED
                or _VERB_AFTER.search(s.text, at + 1, end)):
            return end
        at = end


def _signalled_move(between: str) -> bool:
    """Whether the words between a signalling verb and a date name the move signalled (*another
    rise in*, *a rate cut at the meeting in*), with no finite verb among them."""
    words = between.lower().split()
    return bool(words) and not _FINITE_BETWEEN.search(between) and any(w.strip(",.") in SIGNALLED_MOVES for w in words)


def is_future(s: Sentence, start: int, end: int, *, present: bool = False) -> bool:
    """Whether the clause of the date looks ahead (see :func:`tense`)."""
    return tense(s, start, end, present=present) == "future"


def is_past(s: Sentence, start: int, end: int) -> bool:
    """Whether the clause of the date looks back (see :func:`tense`)."""
    return tense(s, start, end) == "past"


# --- the clause of a weekday ----------------------------------------------------------------

#: words that open a clause of their own inside a sentence (*spent his speech praising Kingson,
#: who is running in Tuesday's primary*): a weekday takes its tense from its own clause, not from
#: a verb of the clause around it. *if* and *unless* stay in the clause they open, as its marker.
#: Not *that*, as often a determiner (*reach that number on Tuesday*) as a pronoun
_OPENS_CLAUSE = frozenset("who whom whose which where when while because although though whereas whether "
                          "if unless".split())
#: *as* opens a clause before a pronoun (*as they sit atop the polls*), not as a preposition
_AS_CLAUSE = re.compile(r"\s+(?:he|she|they|it|we|i|you)\b", re.I)
#: marks that end a clause whatever follows (a dash or a comma may set off a phrase inside one)
_STRONG_MARK = re.compile(r"[;:]")
#: a verb of saying just before a weekday (*announcing on Wednesday he would meet*, *told NBC
#: Monday that*): the weekday dates the saying, not what is said after it
#: (not *states*, *notes*, *claims*: nouns as often, *in the states Tuesday*)
_REPORTING = frozenset("""said says saying told tells telling announced announces announcing wrote writes
writing tweeted tweeting declared declares stated insisted insists added argued argues asked noted
explained explains claimed acknowledged confirmed confirms revealed warned warns suggested suggests
predicted predicts vowed promised pledged""".split())
_SKIP_BEFORE = frozenset("on late early".split())
#: a verb in the present tense: *who is running*, *there's an election*, *it has a rally*
_PARTICIPLE = r"(?:been|[a-z]+ed|[a-z]+en|" + "|".join(sorted(_PARTICIPLES | _PERFECT)) + r")\b"
_PRESENT = re.compile(r"\b(?:is|are|am|isn['’]t|aren['’]t|(?:there|he|she|it|that|what|who)['’]s|['’]re"
                      r"|(?<!would )(?<!could )(?<!should )(?<!might )(?<!must )(?<!may )(?<!will )"
                      r"(?:has|have)(?!\s+(?:not\s+|n['’]t\s+)?(?:had\b|" + _PARTICIPLE + r")))\b", re.I)
#: a verb in the present progressive: *she is facing*, *they're girding*
_PROGRESSIVE = re.compile(r"\b(?:is|are|am|['’]re|(?:he|she|it|who)['’]s)\s+(?:[a-z]+ly\s+|now\s+|still\s+)?"
                          r"[a-z]+ing\b", re.I)
#: *has*, *have* (and an adverb) before a participle: a present perfect
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|['’]s|['’]ve)\s+(?:[a-z]+ly\s+|also\s+|just\s+|already\s+)?$",
                             re.I)
#: a modal that looks back: a perfect (*could have won*, *could have Tuesday*) or a refusal to say
_MODAL_PERFECT = re.compile(r"(?:would|could|should|might|must|may)(?:\s+not|n['’]t)?\s+have\s+"
                            r"(?:" + "|".join(sorted(WEEKDAY_NAMES)) + r"\b|" + _PARTICIPLE + ")"
                            r"|(?:wouldn['’]t|would\s+not)\s+"
                            r"(?:say|comment|elaborate|discuss|answer|confirm|specify)\b")
#: a plan stated in the past tense (*was set to*, *were scheduled to leave*)
_PAST_PROSPECT = re.compile(r"\b(?:was|were|had\s+been)\s+(?:[a-z]+ly\s+|also\s+)?"
                            r"(?:set|scheduled|slated|expected|poised|supposed|due)\b", re.I)


def weekday_clause(s: Sentence, start: int, end: int) -> Sentence:
    """Return the clause of a weekday at ``start:end``: from the last word that opens a clause
    (:data:`_OPENS_CLAUSE`) or semicolon or colon before it to the first after it; a verb of
    saying just before the weekday (:data:`_REPORTING`) ends it there."""
    lo, hi = s.lo, s.hi
    for m in _STRONG_MARK.finditer(s.text, s.lo, start):
        lo = m.end()
    m = _STRONG_MARK.search(s.text, end, s.hi)
    if m:
        hi = m.start()
    tokens = list(_TOKEN.finditer(s.text, lo, hi))
    for t in tokens:
        word = t.group().lower()
        opens = word in _OPENS_CLAUSE or word == "as" and _AS_CLAUSE.match(s.text, t.end(), hi)
        if not opens or t.start() == lo:
            continue
        if t.end() <= start:
            lo = t.start()
        elif t.start() >= end:
            hi = t.start()
            break
    before = [t for t in tokens if lo <= t.start() and t.end() <= start]
    while before and before[-1].group().lower() in _SKIP_BEFORE:
        before.pop()
    if before and before[-1].group().lower() in _REPORTING:
        hi = end
    return Sentence.read(s.text, lo, hi)


def infinitive_between(s: Sentence, lo: int, hi: int) -> bool:
    """Whether an infinitive (*to hurt*, not *to a debate*) stands in ``text[lo:hi]``."""
    return bool(_INFINITIVE.search(s.text, lo, hi))


def weekday_tense(s: Sentence, start: int, end: int) -> tuple[str | None, bool, int]:
    """Return how the clause of the weekday at ``start:end`` (:func:`weekday_clause`) places it,
    whether the word that says so stands after it (*his address Sunday ... will be*), and where
    that word starts (-1 for none). The reading is that of the marker :func:`tense` would take
    there (with a scheduled event's present), refined: "perfect" for a present perfect (*has
    found herself in a tight race*), "past" for a modal perfect or refusal (*could have won*,
    *wouldn't say*), "planned" for a plan told in the past (*was set to speak*); else "present"
    for a verb in the present tense before the weekday in its part of the clause, or one in the
    progressive nearer it than a past verb (*described the race she is facing on Tuesday*);
    else None: the clause says nothing."""
    clause = weekday_clause(s, start, end)
    before_clause, after, before_any, before_at, after_at = _governing(clause, start, end, False, True)
    said = before_clause or after or before_any
    if said == "unknown":
        return None, False, -1
    at = before_at if before_clause else after_at if after else -1
    if said == "past" and at >= 0 and _PERFECT_BEFORE.search(s.text, max(s.lo, at - 20), at):
        said = "perfect"
    elif said == "future" and at >= 0:
        if _MODAL_PERFECT.match(s.text, at, s.hi):
            said = "past"  # "the spoiler he could have been Tuesday", "would not say Tuesday how"
        elif _PAST_PROSPECT.search(s.text, max(s.lo, at - 40), min(start, at + 15)):
            said = "planned"  # "the rally he was set to headline Tuesday": planned then, held or not since
    if said is None or said == "past" and before_clause and at < start:
        # a verb in the present before the weekday in its part of the clause (*there's an election
        # on Tuesday*), or in the progressive nearer it than a past one (*described the situation
        # she is facing in Tuesday's primary*); not *the pressure is growing* after it, nor
        # *Democracy is messy* in a quotation after a comma
        part = max(clause.lo, max(s.text.rfind(mark, clause.lo, start) for mark in _CLAUSE_MARKS) + 1)
        if (_PRESENT if said is None else _PROGRESSIVE).search(s.text, max(part, at), start):
            said = "present"
    return said, bool(after) and not before_clause, at
