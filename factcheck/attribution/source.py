"""Who a sentence attributes its claim to: reporting cues and their sources.

A rule-based finder in the spirit of textacy's ``direct_quotations`` and of the attribution
patterns of Pareti (2016): a reporting verb and the noun phrase it has as subject (*Lavrov
said*, *the figures showed*), a source placed after the verb (*said Ford O'Connell*),
*according to X*, and document phrases (*statistics of X show*). What a pronoun or agentless
cue (*it said*, *was reported*) points back to is decided in
:mod:`factcheck.attribution.resolution`; *it has been reported*, *some say* and *reportedly*
name no source at all.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from operator import attrgetter
from typing import Callable, NamedTuple

from .. import cues as C
from .tokens import CLAUSE_PUNCT, NOT_ADVERBS, QUOTES, Token, is_adverb, tokenize

_BE = frozenset("is was were are been be being am".split())
_POSTPOSED = frozenset("""said says added adds reported noted notes wrote writes explained explains continued
argued argues insisted warned tweeted recalled conceded acknowledged observed cautioned stressed
emphasized emphasised replied responded countered concluded""".split())
#: words after an appositive's comma that start a new clause, not more of the source
_APPOS_STOP = frozenset("and but according adding saying noting arguing referring explaining while although".split())
#: adverbs that stand between a subject and its verb (*Carter however said*)
_FALLBACK_AFTER = frozenset("after before while by in when".split())
_AUX = frozenset("had has have was were is are will would could can may might should".split())
_AGENTLESS_NPS = frozenset("reports report media rumours rumors unconfirmed local some sources".split())
_MAX_SUBJECT = 14
#: capitalised reporting verbs that a title-case headline uses (*Lee Says ...*)
_HEADLINE_VERBS = frozenset("says said tells told claims warns admits insists reports denies vows confirms".split())
#: headline labels that open a line with a colon but name no speaker (*Update: ...*)
_NOT_SPEAKERS = frozenset("""
update updated breaking exclusive analysis opinion editorial watch video photos photo live news guide
note correction editor's read listen related more q a question answer poll report fact check factcheck
first take the why how what who when where here today tonight this remember plus contributing email
paid notice big win
""".split())


#: phrasal reporting verbs: the verb and the particles after it (*pointed out*, *fired back*)
_PHRASAL = {"pointed": ("out",), "points": ("out",), "fired": ("back",), "fires": ("back",), "shot": ("back",),
            "hit": ("back",), "hits": ("back",), "went": ("on", "to", "say"), "goes": ("on", "to", "say")}
_FIRST = C.REPORTING_VERBS | C.RULING_VERBS | set(_PHRASAL) | {
    "according", "reportedly", "spoke", "spoken", "called", "asked", "asks", "calls", "calling", "put",
                                               "declined", "refused", "in"}
#: the *be* forms of a progressive report (*is telling*, *isn't saying*, *has been saying*)
_PROGRESSIVE_BE = _BE | frozenset("isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t not".split())
_PROGRESSIVE_AUX = frozenset("has have had hasn't haven't hadn't hasn’t haven’t hadn’t".split())
#: what a party declines to do when its silence is reported (*declined to comment*)
_SILENCE = frozenset("comment say discuss elaborate specify confirm answer respond disclose".split())
_PROGRESSIVE_VERBS = frozenset("""saying telling claiming arguing insisting warning suggesting predicting
promising vowing urging denying asserting showing revealing indicating reporting announcing admitting
acknowledging""".split())
#: what a party issues with its words in it (*issued a statement saying*), and the verbs of issuing
_ISSUED_DOCS = frozenset("statement statements release letter note email memo video ad tweet post message".split())
_ISSUING = frozenset("issued released sent put posted published wrote tweeted emailed ran aired".split())
#: participles of a finding: they report only with a document or data subject
_FINDING_ING = frozenset("showing revealing indicating finding".split())
_COURT = frozenset("""court courts judge judges justice justices panel jury tribunal magistrate arbitrator
arbitrators commission board regulator regulators ombudsman""".split())
_QUESTION_WORDS = frozenset("whether if why how what when where who".split())
#: reporting forms in -s that are plural nouns after a common noun or adjective (*television shows*)
_NOUN_S = frozenset("shows projects notes lists signals states estimates forecasts reports claims counts cites".split())
#: verbs that characterise what a party said (*described the plan as a mistake*)
_DESCRIBE = frozenset("described describes describing".split())
#: reporting verbs that never modify a noun as participles: before an auxiliary they report a
#: relative clause's gap (*a law that officials say will cost*), not a noun (*the report had*)
_GAP_VERBS = frozenset("said says say told tells argued argues insisted insists warned warns wrote writes".split())
#: adverbs between a subject and its reporting verb (*has long said*, *has since said*)
_REPORT_ADVERBS = frozenset("long since just both all first may might must can should always twice ever only".split())
#: modals: a report after one is only a report in the perfect (*may have said*), not a forecast (*may announce*)
_MODALS = frozenset("may might must can should could would will".split())
#: words in *-ing* that open a title, not a participle (*acting political director*)
_TITLE_ING = frozenset("acting leading ranking managing presiding founding outgoing incoming visiting sitting reigning".split())
_REFLEXIVES = frozenset("himself herself itself themselves".split())
#: words after which a base form is a verb (*Allen did suggest*, *officials would not say*)
_NEGATABLE = frozenset("did does do would will has have had".split())
_NEGATED = frozenset("""didn't doesn't won't wouldn't hasn't haven't hadn't didn’t doesn’t won’t wouldn’t hasn’t haven’t
hadn’t""".split())
_DO_MODALS = frozenset("""did does do not didn't doesn't won't wouldn't didn’t doesn’t won’t wouldn’t""".split())


class Report(NamedTuple):
    """A reporting cue and what it says of the source.

    ``kind`` is ``named`` (the source is in ``source``), ``pronoun`` or ``passive`` (the
    source is the one named just before), ``anaphor`` (*the report*: the source before, else
    the phrase itself), or ``agentless`` (no source). ``final`` marks a sentence-closing
    attribution (*..., the company said.*), which governs the whole sentence.
    """

    kind: str
    cue: tuple[int, int]
    source: tuple[int, int] | None
    final: bool = False
    #: a report inside a relative clause (*a law that officials say will cost*): it names the
    #: source only when the sentence has no report of its own
    embedded: bool = False


def _is_nounish(tok: Token) -> bool:
    return tok.is_word and (tok.is_cap or tok.low in C.ROLE_NOUNS or tok.low in C.VAGUE_SUBJECTS
                            or tok.text[0].isdigit())


def _has_name(toks: list[Token]) -> bool:
    """Whether a phrase names someone: a capitalised word past its first determiner, or a role."""
    for k, t in enumerate(toks):
        if t.low in C.ROLE_NOUNS:
            return True
        if t.is_cap and t.is_word and not (k == 0 and (t.low in C.DETERMINERS or t.low in C.SKIPPABLE)):
            return True
    return False


#: document nouns whose *of* phrase names the owner (*statistics of the Court*), unlike a poll,
#: survey, study or review, whose *of* phrase names who or what was examined (*a poll of voters*)
_OWNED_OF = frozenset("""statistics figures data report reports findings records record estimates estimate statement
statements projections projection forecast forecasts assessment release minutes""".split())


def _trim_document(toks: list[Token]) -> list[Token]:
    """Return the owner of a document phrase (*a study by X* -> X, *figures from X* -> X,
    *statistics of X* -> X), else the phrase: *a poll of 900 voters* and *X's annual report*
    stay whole, as the gold data writes them."""
    for k, t in enumerate(toks[:-1]):
        if t.low in C.DOCUMENT_NOUNS and (t.text.islower() or k == 0) and k + 2 < len(toks) and (
                toks[k + 1].low in ("by", "from") or (toks[k + 1].low == "of" and t.low in _OWNED_OF)):
            rest = toks[k + 2:]
            for m in range(1, len(rest) - 1):
                # "an analysis by Politifact of presidential elections": the owner ends before a
                # phrase about the topic (not "the University of Chicago")
                nx = rest[m + 1] if rest[m + 1].low not in C.DETERMINERS or m + 2 >= len(rest) else rest[m + 2]
                if rest[m].low in ("of", "on", "about", "into", "in") and nx.is_word and nx.text.islower() \
                        and nx.low not in C.ROLE_NOUNS:
                    rest = rest[:m]
                    break
            if _has_name(rest):
                return rest
    return toks


def _span(toks: list[Token]) -> tuple[int, int]:
    """Return the offsets of a phrase, without a final possessive (*May's* -> *May*)."""
    end = toks[-1].end
    if toks[-1].low.endswith(("'s", "’s")):
        end -= 2
    return toks[0].start, end


def _clause_start(toks: list[Token], j: int) -> int:
    """Return the index of the first token of the clause that ends at token ``j``."""
    k = j
    while k - 1 >= 0:
        prev = toks[k - 1]
        if prev.text in CLAUSE_PUNCT or prev.low in C.CLAUSE_WORDS or prev.low == "what":
            break
        # "and"/"or" join names (Savings and Loan) unless a lower-case clause follows
        if prev.low in ("and", "or") and not toks[k].is_cap:
            break
        k -= 1
    return k


def _np_after(toks: list[Token], i: int) -> list[Token]:
    """Return the noun phrase starting at token ``i``, up to a comma, clause word or the end."""
    out: list[Token] = []
    for t in toks[i:i + _MAX_SUBJECT]:
        if t.text in CLAUSE_PUNCT or t.text in ".!?" or t.low in C.CLAUSE_WORDS:
            break
        if t.low in ("and", "or") and out and not out[-1].is_cap:
            break
        out.append(t)
    while out and not out[-1].is_word:
        out.pop()
    return out


def _appositive_end(toks: list[Token], e: int) -> int:
    """Return the index just past the appositives and relative clauses that describe a source
    ending before token ``e`` (*said Ana Costa, a spokeswoman for the port, who ...*), or ``e``
    when none follows. An appositive ends at the sentence's end, a quotation, a semicolon, or a
    comma that opens a participle or a new clause (*..., adding that*)."""
    n = len(toks)
    if e >= n or toks[e].text != "," or e + 1 >= n:
        return e
    first = toks[e + 1]
    if not first.is_word or first.low in _APPOS_STOP or first.low in C.PRONOUNS or is_adverb(first) \
            or (first.text.islower() and first.low.endswith(("ing", "ed")) and first.low not in C.ROLE_NOUNS) \
            or (first.low in C.CLAUSE_WORDS and first.low not in ("who", "whose")):
        return e
    m = e + 1
    end = e
    while m < n and m - e <= 40:
        t = toks[m]
        if t.text in QUOTES or t.text in ";:!?" or t.text in ("(", "—", "–") or (t.text == "." and m == n - 1):
            break
        if t.text == ",":
            nxt = toks[m + 1] if m + 1 < n else None
            if nxt is None or not nxt.is_word or nxt.low in _APPOS_STOP or nxt.low in C.PRONOUNS or (
                    nxt.text.islower() and nxt.low.endswith("ing")):
                break
        elif t.is_word:
            end = m + 1
        m += 1
    return end


def _name_runs(toks: list[Token], limit: int) -> list[list[Token]]:
    """Return the names in subject position before token ``limit``: capitalised runs not right
    after a preposition (a possessive name counts anywhere: *Following May's meeting*), skipping
    the sentence's first word when it is a common word and month or day names."""
    runs: list[list[Token]] = []
    k = 0
    while k < limit:
        t = toks[k]
        if not (t.is_word and t.is_cap) or t.low in C.PRONOUNS:
            k += 1
            continue
        m = k
        while m + 1 < limit and toks[m + 1].is_word and (toks[m + 1].is_cap or (
                toks[m + 1].low in ("of", "for", "de", "van", "von", "al") and m + 2 < limit and toks[m + 2].is_cap)):
            if toks[m].is_possessive:
                break
            m += 1
        run = toks[k:m + 1]
        if k == 0 and (run[0].low in C.SKIPPABLE or run[0].low in C.DETERMINERS or run[0].low in C.CLAUSE_WORDS
                       or run[0].low in C.PREPOSITIONS or run[0].low.endswith(("ing", "ly"))):
            run = run[1:]
        before = toks[k - 1].low if k > 0 else ""
        run = [u for u in run if u.low not in C.CALENDAR] if all(u.low in C.CALENDAR for u in run[:1]) else run
        before2 = toks[k - 2].low if k > 1 else ""
        # "with Wilders", "of the EU": objects, not subjects
        is_object = before in C.PREPOSITIONS or (before in C.DETERMINERS and before2 in C.PREPOSITIONS)
        if run and (run[-1].is_possessive or not is_object) \
                and not all(u.low in C.CALENDAR or u.low in C.DETERMINERS for u in run):
            runs.append(run)
        k = m + 1
    return runs


def _is_final(toks: list[Token], i: int) -> bool:
    """Whether only a few adverbial words follow the cue at ``i`` before the sentence ends."""
    words = 0
    for m in range(i + 1, len(toks)):  # stops at the sixth word: a long sentence is not read to its end
        t = toks[m]
        if t.is_word:
            words += 1
            if words > 5 or t.low in ("that", "it", "he", "she", "they"):
                return False
    return True


#: verbs that can head a main clause: a source never contains one (spec section 2: a source is a
#: noun phrase). Forms that are also nouns (*show*, *states*, *reports*) are left out, and past
#: forms used as participles (*the data released Friday by*) are told apart by what follows.
MAIN_VERBS = (C.REPORTING_VERBS | C.DENIAL_VERBS | C.REJECTION_VERBS | C.DISPUTE_VERBS | C.RULING_VERBS
              | C.OTHER_MAIN_VERBS) - C.BASE_FORMS - C.NOUN_LIKE_VERBS - C.DOCUMENT_NOUNS - frozenset(
    "shows notes lists signals counts tells cites questions challenges denial denials dispute disputes".split())
_REL = frozenset("who whom whose which that".split())
_CONTROL_VERBS = C.OTHER_MAIN_VERBS | C.SPEECH_ACT_VERBS | frozenset("threatened tried".split())
_TIME_WORDS = frozenset("last this next earlier later yesterday today tonight".split())


def main_verb_index(seg: list[Token]) -> int | None:
    """Return the index in ``seg`` of the first word that is a finite verb of the clause the
    phrase opens (*The company [denied] any wrongdoing*), or None. Words inside a relative clause
    (*a woman who has accused X*), after a determiner, a possessive, *to* or a preposition (*the
    claims*, *its stated goal*), participles before *by*, a preposition or a time (*the figures
    released Friday by*) and the first word (a headline verb or a name) do not count."""
    for k, t in enumerate(seg):
        low = t.low
        if low in _REL and k > 0:
            return None  # the rest describes the subject
        if k == 0 or low not in MAIN_VERBS or not t.text[:1].islower():
            continue
        before = seg[k - 1]
        if before.low in C.DETERMINERS or before.is_possessive or before.low == "to" or before.low in C.PREPOSITIONS \
                or before.low in _BE or before.text[:1].isdigit() or not before.is_word:
            continue
        after = seg[k + 1] if k + 1 < len(seg) else None
        if after is not None and is_adverb(after) and k + 2 < len(seg):
            after = seg[k + 2]  # "documents reported previously by"
        if after is not None and after.low == "to" and low in _CONTROL_VERBS:
            return k  # "declined to comment", "refused to say": a verb before its infinitive
        if after is not None and low.endswith("ed") and (
                after.low in C.PREPOSITIONS or after.low in C.CALENDAR or after.low in _TIME_WORDS or after.low == "as"):
            continue
        return k
    return None


def _cut_at_verb(seg: list[Token]) -> list[Token] | None:
    """Return the noun phrase of ``seg`` without a main clause's verb in it: the subject before
    the verb, or the subject after a coordinating *and*/*but* (*X won a state and Cruz said*);
    ``seg`` itself when it holds no such verb; None when no noun phrase is left."""
    v = main_verb_index(seg)
    if v is None:
        return seg
    conj = [m for m in range(v + 1, len(seg)) if seg[m].low in ("and", "but")]
    if conj:
        after = seg[conj[-1] + 1:]
        while after and after[-1].low in C.SKIPPABLE or (after and is_adverb(after[-1])):
            after = after[:-1]
        if after and (_has_name(after) or after[0].low in C.DETERMINERS) and main_verb_index(after) is None \
                and not all(u.low in C.SKIPPABLE for u in after):
            return after
    seg = seg[:v]
    while seg and (not seg[-1].is_word or seg[-1].low in ("and", "but", "or") or seg[-1].low in C.SKIPPABLE
                   or is_adverb(seg[-1])):
        seg = seg[:-1]
    loose = seg and seg[0].low in C.DETERMINERS - {"some", "any", "no", "other", "such"} and len(seg) <= 6
    return seg if seg and (_has_name(seg) or loose) else None


#: what makes *people* a specific source (*people close to the campaign*, *people familiar with*)
_PEOPLE_LINKS = frozenset("close familiar briefed involved with knowledgeable".split())


def _named(seg: list[Token], cue: tuple[int, int], final: bool) -> Report:
    while len(seg) > 1 and seg[0].low in ("and", "but", "or", "so"):
        seg = seg[1:]  # "..., and Lind, the mayor, said"
    while len(seg) > 1 and not seg[-1].is_word and seg[-1].text not in (")", "%", ".") + tuple(QUOTES):
        seg = seg[:-1]  # "a third in New Hampshire —"
    # "The company denied any wrongdoing and said": the subject of the coordinated verbs
    cut = _cut_at_verb(seg)
    if cut is None:
        return Report("unresolved", cue, None, final)
    seg = cut
    comma = next((k for k, t in enumerate(seg) if t.text == ","), len(seg))
    head = _trim_document(seg[:comma]) if comma else seg
    # a document's owner comes from the head phrase, never from an appositive after it
    seg = head if comma and head != seg[:comma] else seg
    # "people close to her campaign", "two people familiar with the talks": specific, though anonymous
    specific = seg[0].low == "people" and len(seg) > 2 and seg[1].low in _PEOPLE_LINKS
    if (seg[0].low in C.VAGUE_SUBJECTS and not specific) or (seg[-1].low in C.VAGUE_SUBJECTS and len(seg) <= 2) \
            or (len(seg) == 1 and seg[0].low in ("reports", "report", "rumours", "rumors", "media")):
        return Report("agentless", cue, None, final)  # "some critics", "Reports suggest"
    if len(seg) == 2 and seg[0].low in ("the", "this", "that") and seg[1].low in C.DOCUMENT_NOUNS:
        return Report("anaphor", cue, _span(seg), final)
    return Report("named", cue, _span(seg), final)


def _opens_clause(toks: list[Token], i: int, the: bool) -> bool:
    """Whether what follows the verb at ``i`` is what a party said: a *that* clause, a pronoun,
    a quotation (also after a comma or an adverb: *replied evenly, "..."*), a question word
    (*described how*), a characterisation (*described the plan as a mistake*), or for a
    clause-only verb with ``the`` set a determiner (*recalled the day*)."""
    n = len(toks)
    m = i + 1
    if m < n and is_adverb(toks[m]):
        m += 1  # "replied evenly"
    if m < n and toks[m].text == "," and m + 1 < n and (_opening_quote(toks, m + 1) or toks[m + 1].low == "that"):
        return True  # 'responded, "It has."'
    if m >= n:
        return True
    nx = toks[m]
    if nx.low in ("that", "there") or nx.low in C.PRONOUNS or nx.text in QUOTES or nx.text == ":" \
            or (the and nx.low == "the"):
        return True
    if nx.low in _QUESTION_WORDS - {"if", "who"}:
        return True  # "described how", "explained why"
    if toks[i].low in _DESCRIBE:
        if nx.low == "as":
            # "the candidates described as outsiders": a participle, unless the object is a
            # relative pronoun's gap ("which friends described as miserable")
            return any(toks[m].low in ("which", "that", "what", "whom") and all(u.is_word for u in toks[m + 1:i])
                       for m in range(max(0, i - 5), i - 1))
        for t in toks[m:m + 12]:
            if t.text in CLAUSE_PUNCT or t.text in ".!?" or t.low in C.CLAUSE_WORDS - {"as"}:
                break
            if t.low == "as":
                return True  # "described the attack as a sobering reminder"
    return False


def _participle_at(toks: list[Token], m: int) -> bool:
    """Whether the *-ed*/*-en* word at ``m`` is a participle describing a noun (*filed Thursday*,
    *released by*, *conducted in May*) rather than a finite verb."""
    low = toks[m].low
    if not (low.endswith(("ed", "en")) or low in _IRREGULAR_PAST):
        return False
    nxt = toks[m + 1] if m + 1 < len(toks) else None
    if nxt is not None and nxt.low == "by" and m + 2 < len(toks) and toks[m + 2].low.endswith("ing"):
        return False  # "responded by saying"
    return nxt is not None and (nxt.low in C.CALENDAR or nxt.low in _TIME_WORDS or nxt.low in C.PREPOSITIONS
                                or nxt.low in C.SKIPPABLE)


def _subject_before_verb(toks: list[Token], k: int, j: int) -> list[Token] | None:
    """Return the subject in ``toks[k:j]`` before its first finite verb (*[Kasich] jokingly
    offered the man a job, then says*), when it names someone and holds no other verb."""
    v = next((m for m in range(k + 1, j) if _is_predicate_verb(toks, m)), None)
    if v is None:
        return None
    seg = toks[k:v]
    while seg and (seg[0].low in C.SKIPPABLE or seg[0].low in ("and", "but", "or", "so")) and len(seg) > 1:
        seg = seg[1:]
    while seg and (seg[-1].low in C.SKIPPABLE or is_adverb(seg[-1])):
        seg = seg[:-1]
    if not seg or len(seg) > _MAX_SUBJECT or seg[0].low in C.PRONOUNS or seg[0].low in C.VAGUE_SUBJECTS \
            or seg[0].low in C.PREPOSITIONS or seg[0].low in C.CLAUSE_WORDS or main_verb_index(seg) is not None:
        return None
    if any(t.text in CLAUSE_PUNCT for t in seg):
        return None
    if _has_name(seg) or (seg[0].low in C.DETERMINERS - {"some", "any", "no", "other", "such"} and len(seg) <= 6):
        return seg
    return None


def _negated_do(toks: list[Token], j: int) -> bool:
    """Whether the word at ``j`` belongs to a negated auxiliary before a report (*would not
    say*, *did not say*, *didn't say*): a reported silence, whose subject is the source."""
    low = toks[j].low
    if low in _NEGATED:
        return j > 0
    if low == "not":
        return j > 1 and toks[j - 1].low in _NEGATABLE
    return low in _NEGATABLE and j > 0 and j + 1 < len(toks) and toks[j + 1].low == "not"


def _opening_quote(toks: list[Token], m: int) -> bool:
    """Whether the token at ``m`` opens a quotation: a curly opening mark, or a straight mark
    after an even number of quotation marks."""
    t = toks[m].text
    if t in "“‘«":
        return True
    if t in "”’»" or t not in QUOTES:
        return False
    return sum(u.text in ('"', "'") for u in toks[:m]) % 2 == 0


def _next_to_quotation(toks: list[Token], i: int) -> bool:
    """Whether the verb at ``i`` introduces a quotation or a *that* clause after it (*continued,
    "..."*; *adding that*), or closes one before its subject (*"...," Blackwell continued*)."""
    n = len(toks)
    m = i + 1
    if m < n and (toks[m].low == "that" or _opening_quote(toks, m)):
        return True
    if m + 1 < n and toks[m].text in (",", ":") and _opening_quote(toks, m + 1):
        return True
    k = _clause_start(toks, i - 1) if i > 0 else 0
    return (k > 0 and toks[k - 1].text in QUOTES) or (k > 1 and toks[k - 1].text == "," and toks[k - 2].text in QUOTES)


def _in_as_clause(toks: list[Token], i: int) -> bool:
    """Whether the verb at ``i`` closes a parenthetical *as* clause (*as the Post observed,*)."""
    k = _clause_start(toks, i - 1) if i > 0 else 0
    if k == 0 or toks[k - 1].low != "as":
        return False
    return i + 1 >= len(toks) or toks[i + 1].text in (",", ".", "—", "–") or toks[i + 1].text in QUOTES


def _by_agent(toks: list[Token], i: int, j: int) -> Report | None:
    """Return the agent of a passive report (*was first reported by Politico*, *As reported by
    the Times, ...*): the named noun phrase after *by*."""
    if toks[i].low in C.MARKET_VERBS:
        return None  # "can be added by": a sum
    np = _np_after(toks, i + 2)
    if np and not (np[0].is_cap or np[0].low in C.DETERMINERS or np[0].low in C.ROLE_NOUNS):
        return None
    cut = next((k for k in range(len(np) - 1, 0, -1) if np[k].low in ("on", "in", "at", "last", "this")
                and all(u.low in C.CALENDAR or u.low in _TIME_WORDS or u.text[:1].isdigit() for u in np[k + 1:])), None)
    if cut is not None:
        np = np[:cut]  # "by the Times on Tuesday"
    while np and (np[-1].low in ("on", "in", "at", "last", "this") or np[-1].low in C.SKIPPABLE or is_adverb(np[-1])):
        np = np[:-1]
    if not np or np[0].low in C.PRONOUNS or np[0].low in C.VAGUE_SUBJECTS or not _has_name(np) \
            or main_verb_index(np) is not None:
        return None
    end = i + 2 + len(np)
    rest = [t for t in toks[end:] if t.is_word]
    final = (j == 0 and toks[j].low == "as") or not rest or (toks[j].low == "as" and len(rest) <= 3)
    return _named(np, (toks[j].start, toks[i + 1].end), final)


#: auxiliaries and modals that open a predicate
_AUX_VERBS = frozenset("""has have had is was were are will would did does do can could should may might must
hasn't haven't hadn't isn't wasn't weren't aren't won't wouldn't didn't doesn't don't can't couldn't
hasn’t haven’t hadn’t isn’t wasn’t weren’t aren’t won’t wouldn’t didn’t doesn’t don’t can’t couldn’t""".split())
#: common irregular past forms that open a predicate (*Fiorina threw her support behind*)
_IRREGULAR_PAST = frozenset("""took threw began made gave went came sent won lost led held met ran spoke wrote told
said saw brought kept left put set stood got hit cut struck sought fought drew became grew knew thought felt found
heard paid sold bought built spent taught caught rose fell chose broke shook swore tore drove shot stuck swung
laid lit hung bit withdrew overtook undertook forgot forgave understood swept fled fed dealt sat spun quit
bet let shut spread wound bound slid rode woke wore stole sank sprang flew drank ate""".split())
#: words that open an introductory phrase before a main clause (*On Thursday, ...*, *Asked about it, ...*)
_INTRO = C.PREPOSITIONS | C.CLAUSE_WORDS | frozenset("asked despite amid without once upon like unlike back here there".split())
#: sentence adverbs that open a sentence before its subject (*Moreover, ...*)
_INTRO_ADVERBS = frozenset("""moreover however meanwhile still indeed instead also furthermore additionally nonetheless
nevertheless ultimately finally first second third later earlier today yesterday now then again similarly""".split())
#: words of a time phrase that opens a sentence (*The day before,*, *Hours later,*)
_TIME_NOUNS = frozenset("""day days week weeks month months year years hour hours minute minutes moment moments night
morning afternoon evening time ago later before after earlier the a an few several couple two three""".split())
_DASHES = ("—", "–", "-")
#: words in *-s* after a name that are no verbs
_NOT_VERBS_S = frozenset("""news always perhaps sometimes besides towards afterwards whereas series species
politics economics ethics physics headquarters others yours ours theirs hers""".split())
#: U.S. states, which follow a town in a dateline-like opening (*In Des Moines, Iowa, ...*)
_STATES = frozenset("""alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
wisconsin wyoming""".split()) | {"new hampshire", "new jersey", "new mexico", "new york", "north carolina",
                                 "north dakota", "rhode island", "south carolina", "south dakota", "west virginia"}


def _is_predicate_verb(toks: list[Token], m: int, after_comma: bool = False) -> bool:
    """Whether the word at ``m`` is likely the finite verb that follows a subject: an
    auxiliary, a known main or irregular past verb, a past form in *-ed*, or a present form in
    *-s* right after a name (*Sanders rips the deal*)."""
    t = toks[m]
    low = t.low
    if not t.is_word or not t.text[:1].islower() or m == 0:
        return False
    prev = toks[m - 1]
    if prev.low in C.DETERMINERS or prev.is_possessive or prev.low in C.PREPOSITIONS or prev.low in _BE:
        return False
    nxt = toks[m + 1] if m + 1 < len(toks) else None
    if low in _AUX_VERBS:
        return True
    # the word before the adverbs (*Clinton immediately posted*, *Trump then appears*)
    k = m - 1
    while k > 0 and (is_adverb(toks[k]) or toks[k].low in C.SKIPPABLE):
        k -= 1
    after_name = toks[k].is_word and (toks[k].is_cap or toks[k].low in C.ROLE_NOUNS or toks[k].low in C.PRONOUNS) \
        or (after_comma and toks[k].text in (",",) + _DASHES)
    if k < m - 1 and not after_name:
        return False  # "a newly formed group": a participle after an adverb
    # "a group backed by X" is a participle; "responded by pointing" is a verb
    by_agent = nxt is not None and nxt.low == "by" and not (m + 2 < len(toks) and toks[m + 2].low.endswith("ing"))
    if low in MAIN_VERBS or low in _IRREGULAR_PAST:
        return not (low.endswith("ed") and by_agent)
    if low.endswith("ed") and len(low) >= 4 and low not in C.ROLE_NOUNS:
        return not by_agent
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and after_name and len(low) >= 4 \
            and low not in C.PREPOSITIONS and low not in C.CLAUSE_WORDS and low not in _NOT_VERBS_S \
            and low not in C.ROLE_NOUNS and low not in C.DOCUMENT_NOUNS and nxt is not None \
            and (nxt.low in C.DETERMINERS or nxt.is_cap or nxt.low in ("up", "down", "out", "back", "off")):
        return True
    return False


def _skip_parens(toks: list[Token], m: int, end: int) -> int:
    """Return the index just past the parenthesis that opens at ``m``."""
    depth = 0
    while m < end:
        if toks[m].text == "(":
            depth += 1
        elif toks[m].text == ")":
            depth -= 1
            if depth == 0:
                return m + 1
        m += 1
    return end


def _next_delim(toks: list[Token], m: int, end: int, delims: tuple[str, ...]) -> int | None:
    """Return the index of the next delimiter in ``delims`` from ``m`` (outside parentheses)."""
    while m < end:
        if toks[m].text == "(":
            m = _skip_parens(toks, m, end)
            continue
        if toks[m].text in delims:
            return m
        m += 1
    return None


def _main_clause_start(toks: list[Token], end: int) -> int | None:
    """Return where the main clause of the text before token ``end`` starts: past a dateline
    (*WASHINGTON —*), opening conjunctions and up to four introductory phrases (*On Thursday,
    after remaining neutral, ...*); None when an introductory phrase runs into ``end``."""
    s = 0
    q = next((m for m in range(end - 1, 0, -1) if toks[m].text in QUOTES and toks[m - 1].text in ",.!?"), None)
    if q is not None:
        s = q + 1  # '"...," the nominee, Donald Trump, tweeted': the clause after the quotation
    d = next((m for m in range(1, min(end, 12)) if toks[m].text in _DASHES), None)
    if d is not None and s == 0 and toks[0].is_word and (toks[0].text.isupper() and len(toks[0].text) > 1 or any(
            toks[m].text == "(" and toks[m + 1].is_cap and toks[m + 2].text == ")" for m in range(1, d - 2))):
        s = d + 1  # "PARIS (Reuters) -", "Washington (AFP) –"
    prev_intro = False
    for _ in range(6):
        while s < end and (toks[s].low in ("and", "but", "so", "yet", "then", "still", "now", "meanwhile")
                           or toks[s].text in QUOTES):
            s += 1
        if s >= end:
            return None
        first = toks[s]
        time_phrase = place = False
        close = _next_delim(toks, s, end, (",",) + _DASHES)
        if close is not None:
            piece = [t for t in toks[s:close] if t.is_word]
            time_phrase = bool(piece) and all(t.low in C.SKIPPABLE or t.low in C.CALENDAR or t.low in _TIME_WORDS
                                              or t.low in _TIME_NOUNS or t.text[:1].isdigit() or is_adverb(t)
                                              for t in piece)
            # "At a rally in Portsmouth, N.H., on Tuesday,": a place after an opening phrase
            place = prev_intro and toks[s - 1].text == "," and close is not None and toks[close].text == "," \
                and 0 < len(piece) <= 2 and all(t.is_cap for t in piece) and (
                    (len(piece) == 1 and toks[close - 1].text.endswith(".") or toks[close - 1].text == ".")
                    or " ".join(t.low for t in piece) in _STATES)
        participle = first.is_word and first.low.endswith(("ing", "ed")) and len(first.low) > 5 \
            and first.low not in C.ROLE_NOUNS and not (s + 1 < end and toks[s + 1].is_cap)  # not "Working America"
        intro = first.low in _INTRO or time_phrase or place or participle or first.low in _INTRO_ADVERBS \
            or (is_adverb(first) or (first.is_cap and first.low.endswith("ly") and first.low not in NOT_ADVERBS
                                      and (close == s + 1 or s + 1 < end and (toks[s + 1].low in C.PREPOSITIONS
                                                                            or toks[s + 1].low in C.CLAUSE_WORDS))))
        if not intro:
            return s
        if close is None:
            return None
        if first.low in C.CLAUSE_WORDS and first.low != "that" and not time_phrase and not any(_is_predicate_verb(toks, m) for m in range(s + 2, close)) \
                and s + 1 < close:
            return s + 1  # "When the F.B.I. director, James B. Comey, said": the clause runs on
        s = close + 1
        prev_intro = True
    return None


def _appositive_piece(piece: list[Token]) -> str | None:
    """Say what a comma- or dash-delimited piece after a subject is: ``describes`` when it
    describes the subject (*, 21,*; *, a junior from Las Vegas,*; *, who faces a battle,*; *,
    R-Ill.,*), ``aside`` for a parenthetical phrase (*, in an interview on Friday,*; *,
    particularly in the closing days,*), else None."""
    if not piece or len(piece) > 30:
        return None
    first = piece[0]
    if first.low in ("who", "whose", "which"):
        return "describes"
    if not first.is_word or first.low in _APPOS_STOP or first.low in C.PRONOUNS or first.low in C.CLAUSE_WORDS:
        return None
    def participle(k: int) -> bool:  # "an environmental group based in Philadelphia"
        return k + 1 < len(piece) and (piece[k + 1].low in C.PREPOSITIONS or piece[k + 1].low == "as")
    if first.text.islower() and first.low.endswith("ing") and first.low not in C.ROLE_NOUNS \
            and first.low not in _TITLE_ING and len(first.low) > 4:
        return "aside"  # "facing a spirited challenge in Iowa": a participle phrase, whatever it holds
    # "a candidate who has made liberty his cause": the relative clause may hold verbs
    rel = next((k for k, t in enumerate(piece) if k > 0 and t.low in ("who", "whose", "which", "that")), len(piece))
    head_part = piece[:rel]
    if any(_is_predicate_verb(head_part, k) and not participle(k) for k in range(1, len(head_part))) \
            or main_verb_index(head_part) is not None:
        return None
    if is_adverb(first) or first.low in C.SKIPPABLE or (first.low in C.PREPOSITIONS and first.low != "of"):
        return "aside"  # "in an interview on Friday"; "of RBC Capital Markets" describes
    if first.text.islower() and first.low not in C.ROLE_NOUNS and first.low not in _TITLE_ING and (
            first.low.endswith(("ing", "ed")) or (participle(0) and (first.low.endswith("en")
                                                                     or first.low in _IRREGULAR_PAST))):
        return "aside"  # "writing for the court", "taken on Monday", "known as"
    return "describes"


def _main_subject(toks: list[Token], end: int, at_end: bool = False) -> list[Token] | None:
    """Return the subject of the main clause that ends at token ``end`` (*Trump campaign
    manager Corey Lewandowski [rejected the idea ...], saying*), with its appositives, or None.
    With ``at_end`` the verb is the token at ``end`` itself (*Marley Anderson, 21, a junior
    from Las Vegas, said*): a verb before it means the subject is not in view."""
    s = _main_clause_start(toks, end)
    if s is None:
        return None
    m = s
    verb = None
    aside = None  # where the first parenthetical phrase starts: the source ends before it
    while m < end:
        t = toks[m]
        if t.text == "(":
            m = _skip_parens(toks, m, end)
            continue
        if t.text == "," or t.text in _DASHES:
            if m == s:
                return None
            v = m + 1
            while v < end and (is_adverb(toks[v]) or toks[v].low in C.SKIPPABLE) and toks[v].low not in _AUX_VERBS:
                v += 1
            if at_end and v == end:
                verb = v
                break
            if v < end and _is_predicate_verb(toks, v, after_comma=True):
                if at_end:
                    return None
                verb = v  # "Davis, a longtime liberal, lashed out"
                break
            close = _next_delim(toks, m + 1, end, (",",) + _DASHES)
            kind = _appositive_piece(toks[m + 1:close]) if close is not None else None
            if kind is None:
                return None
            if kind == "aside" and aside is None:
                aside = m
            m = close  # the closing mark may open the next appositive
            continue
        if t.text == "." and m > s and toks[m - 1].is_word:
            m += 1  # "R-Ill." split from its full stop
            continue
        if not t.is_word or (t.low in C.CLAUSE_WORDS and m > s):
            return None
        if m > s and _is_predicate_verb(toks, m):
            if at_end:
                return None
            verb = m
            break
        m += 1
    if verb is None:
        return None
    subj = toks[s:aside if aside is not None else verb]
    while subj and (subj[-1].low in C.SKIPPABLE or is_adverb(subj[-1])
                    or (subj[-1].low in _REPORT_ADVERBS and subj[-1].text.islower())
                    or subj[-1].text in (",",) + _DASHES):
        subj = subj[:-1]
    if not subj or len([t for t in subj if t.is_word]) > _MAX_SUBJECT + 20:
        return None
    if len(subj) == 1 and subj[0].low in ("he", "she", "they", "it", "we"):
        return subj
    name = subj[:next((k for k, t in enumerate(subj) if t.text == "," or t.text in _DASHES), len(subj))]
    if not name or len(name) > _MAX_SUBJECT + 6 or not (_has_name(name) or (
            name[0].low in C.DETERMINERS - {"some", "any", "no", "other", "such"} and len(name) <= 6)):
        return None
    if any(u.text.islower() and u.low.endswith(("s", "ed")) and (v.text[:1].isdigit() or v.low in C.DETERMINERS
                                                                  or v.low in C.PRONOUNS)
           for u, v in zip(name[1:], name[2:])):
        return None  # "The plant employs 900 people": a clause, not a subject
    if name[0].low in C.PRONOUNS or name[0].low in C.VAGUE_SUBJECTS:
        return None
    # a one-word name keeps no appositive (the gold data's convention; see _subject)
    return subj if sum(u.is_word for u in name) >= 2 and len(name) < len(subj) else name


def _intro_participle(toks: list[Token], i: int, cue: tuple[int, int]) -> Report | None:
    """Return the report of a participle in an opening phrase (*After saying he was nervous,
    the man ...*; *Noting that ..., Trump reminded*): the subject of the main clause after it."""
    c = next((m for m in range(i + 1, len(toks)) if toks[m].text == ","), None)
    if c is None or any(toks[m].text in QUOTES for m in range(i, c)):
        return None
    subj = _subject_before_verb(toks, c + 1, len(toks))
    if subj is None:
        m = c + 1
        if m < len(toks) and toks[m].low in ("he", "she", "they", "it", "we") and m + 1 < len(toks) \
                and _is_predicate_verb(toks, m + 1):
            return Report("pronoun", (toks[m].start, toks[m].end), (toks[m].start, toks[m].end))
        return None
    return _named(subj, cue, False)


def _participle_fallback(toks: list[Token], j: int, cue: tuple[int, int]) -> Report | None:
    """Return the report of a participle or coordinated verb whose clause the main-clause rules
    could not read: the subject before a known main verb of the clause, else the first name in
    subject position outside quotations."""
    if toks[j].text == ",":
        c0 = j
        while c0 > 0 and toks[c0 - 1].text not in (",", ";", ":") + _DASHES and toks[c0 - 1].text not in QUOTES:
            c0 -= 1
        np = toks[c0:j]
        while np and (np[0].low in C.SKIPPABLE or np[0].low in ("and", "but")):
            np = np[1:]
        if np and (c0 == 0 or toks[c0 - 1].text == ",") and _has_name(np) and len(np) <= _MAX_SUBJECT \
                and (np[0].is_cap or np[0].low in C.DETERMINERS or np[0].low in C.ROLE_NOUNS) \
                and not _is_predicate_verb(toks, c0) \
                and np[0].low not in C.PREPOSITIONS and np[0].low not in C.CLAUSE_WORDS \
                and not any(_is_predicate_verb(np, k) for k in range(1, len(np))) and main_verb_index(np) is None:
            # "Sen. Richard J. Durbin (D-Ill.), noting the size of the list, said": the phrase it describes
            return _named(np, cue, False)
        # "X rejected the claims, saying ...": the subject of the clause the participle joins
        c0 = _clause_start(toks, j - 1)
        v = main_verb_index(toks[c0:j])
        if v is not None and v > 0:
            subj = toks[c0:c0 + v]
            while len(subj) > 1 and subj[0].low in C.SKIPPABLE:
                subj = subj[1:]
            if _has_name(subj) and len(subj) <= _MAX_SUBJECT:
                return _named(subj, cue, False)
    quoted = _quoted(toks)
    runs = [r for r in _name_runs(toks, j) if r[0].start not in quoted and not r[0].low.startswith(("i'", "i’"))]
    if runs:
        return _named(runs[0], cue, False)
    return None


def _participle_report(toks: list[Token], i: int, j: int, cue: tuple[int, int]) -> Report | None:
    """Return the report of a participle after a comma or dash (*X rejected the idea, saying
    the crowds prove ...*): the subject of the main clause, a pronoun, or None."""
    subj = None
    c0 = _clause_start(toks, j - 1)
    if c0 > 0 and toks[c0 - 1].low in ("as", "and", "but", "while"):
        # "..., as Mrs. Clinton echoed the criticism, saying": the nearest clause's subject
        v = next((m for m in range(c0 + 1, j) if _is_predicate_verb(toks, m)), None)
        if v is not None:
            near = toks[c0:v]
            while near and (near[-1].low in C.SKIPPABLE or is_adverb(near[-1])):
                near = near[:-1]
            if near and len(near) <= _MAX_SUBJECT and near[0].low not in C.VAGUE_SUBJECTS \
                    and (_has_name(near) or (len(near) == 1 and near[0].low in ("he", "she", "they", "it", "we"))):
                subj = near
    if subj is None:
        subj = _main_subject(toks, j)
    if subj is None:
        return None
    if len(subj) == 1 and subj[0].low in ("he", "she", "they", "it", "we"):
        return Report("pronoun", (subj[0].start, toks[i].end), (subj[0].start, subj[0].end))
    if toks[i].low in C.FINDING_VERBS or toks[i].low in _FINDING_ING:
        if not any(t.low in C.DOCUMENT_NOUNS for t in subj):
            return None  # "The Fed raised rates, showing its resolve": no report
    if toks[i].low == "claiming" and i + 1 < len(toks) and toks[i + 1].text[:1].isdigit():
        return None  # "claiming 41 percent of the vote": a result, not a claim
    return _named(subj, cue, False)


#: heads of a poll's respondents as a subject (*52 percent said*, *those surveyed say*)
_RESPONDENT_HEADS = frozenset("""percent % half third thirds quarter quarters fifth fifths majority majorities
surveyed polled questioned interviewed""".split())
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
sixty seventy eighty ninety hundred""".split())


def _respondents(seg: list[Token]) -> bool:
    """Whether a subject names a share of a poll's respondents (*Twenty-four percent*, *About 4
    in 10*, *Nearly nine out of 10 voters*, *A third of independents, 33%*, *those surveyed*):
    the poll's data speak through them (spec: a data set is a source)."""
    words = [t for t in seg if t.is_word or t.text == "%"]
    while words and ((words[0].low.endswith("ly") and words[0].low not in NOT_ADVERBS) or words[0].low in ("about", "only", "just", "some", "roughly", "around",
                                                             "almost", "over", "under", "more", "than", "fewer",
                                                             "less", "a", "mere", "another")):
        words = words[1:]
    if not words or len(words) > 10:
        return False
    number = lambda t: t.text[:1].isdigit() or t.low.split("-")[0] in _NUMBER_WORDS or t.text == "%"
    if words[0].low == "those" and len(words) >= 2 and words[1].low in _RESPONDENT_HEADS:
        return True
    if not (number(words[0]) or words[0].low in ("half", "third", "majority", "majorities", "two-thirds", "three-fourths",
                                                 "three-quarters", "one-third", "one-fourth")):
        return False
    return any(t.low in _RESPONDENT_HEADS or t.low.endswith("%") for t in words) or (
        len(words) >= 3 and words[1].low in ("in", "out") and number(words[-1]))


def _subject(toks: list[Token], i: int) -> Report | None:
    """Return the report made by the verb at token ``i`` with its subject, if it is one."""
    rep = _subject_report(toks, i)
    if rep is not None and i + 1 < len(toks) and toks[i + 1].low in _AUX and toks[i].low in _GAP_VERBS:
        rep = rep._replace(embedded=True, final=False)
    if rep is not None and rep.kind == "named" and _respondents(tokenize_span(toks, rep.source)):
        # "52 percent said": the respondents speak for the poll, which a sentence names elsewhere
        rep = rep._replace(embedded=True, final=False)
    return rep


_start = attrgetter("start")


def tokenize_span(toks: list[Token], se: tuple[int, int]) -> list[Token]:
    """Return the tokens of ``toks`` inside the offsets ``se``."""
    k = bisect_left(toks, se[0], key=_start)
    out = []
    while k < len(toks) and toks[k].end <= se[1]:
        out.append(toks[k])
        k += 1
    return out


#: nouns that name a document only before *of* (*the minutes of the July meeting*)
_DOCUMENT_OF = frozenset("minutes".split())


def _opens_sentence(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` opens the sentence or a clause after punctuation: a capital there
    says nothing about a name (*Bankers involved in the sale said*)."""
    return k == 0 or toks[k - 1].text in CLAUSE_PUNCT


#: nouns of a finding or a document that a relative clause can report for (*the inspection,
#: which found*), besides the document nouns
_RESULT_NOUNS = C.DOCUMENT_NOUNS | frozenset("""inspection inspections inquiry probe probes count tally test tests
experiment experiments research evaluation examination autopsy minutes""".split())
#: role nouns of people: *which* does not describe them
_PEOPLE_HEADS = C.ROLE_NOUNS - _RESULT_NOUNS


def _antecedent(toks: list[Token], j: int) -> list[Token] | None:
    """Return the noun phrase before the relative pronoun at ``j`` (*the audit*, *payroll
    data*, *the ministry's case count*): back to its determiner, a preposition or a verb."""
    a = j - 1
    if toks[a].text == "," and toks[j].low != "that":
        a -= 1
    if a < 0 or not toks[a].is_word or toks[a].low in C.PRONOUNS:
        return None
    m = a
    while m >= 0 and a - m < 6:
        t = toks[m]
        if t.low in ("the", "a", "an", "this", "its", "their", "his", "her"):
            break
        if not t.is_word or t.low in C.PREPOSITIONS or t.low in C.CLAUSE_WORDS or t.low in C.DETERMINERS \
                or t.low in MAIN_VERBS or t.low in _AUX or (t.text.islower() and t.low.endswith(("ed", "ing"))):
            m += 1
            break
        m -= 1
    m = max(m, 0)
    np = toks[m:a + 1]
    if not np or not any(u.is_word for u in np) or np[-1].low in C.DETERMINERS or np[0].low in C.VAGUE_SUBJECTS \
            or (len(np) == 1 and np[0].low in C.SKIPPABLE):
        return None
    return np


def _subject_report(toks: list[Token], i: int) -> Report | None:
    verb = toks[i]
    low = verb.low
    cue = (verb.start, verb.end)
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if i > 0:
        before = toks[i - 1]
        floating = before.low in ("both", "all", "each") and i > 1 and (toks[i - 2].is_cap or toks[i - 2].low.endswith("s"))
        if low in C.NOUN_LIKE_VERBS and not low.endswith("ing") and (
                before.low in C.PREPOSITIONS - {"by"} or before.low in ("amid", "despite")):
            return None  # "Amid claims that ...": a noun with no claimant (agentless)
        if (before.low in C.DETERMINERS and not floating) or before.is_possessive or before.low == "to" or (
                low in C.NOUN_LIKE_VERBS and before.text[:1].isdigit()):
            return None  # a noun (the claims, Japan's alleged) or an infinitive (refused to tell), not "X and Y both said"
    if nxt is not None:
        if low in C.NOUN_LIKE_VERBS and nxt.low in ("of", "by", "on", "from", "that"):
            if nxt.low != "that" or (i > 0 and toks[i - 1].low in C.DETERMINERS):
                return None
        if low in C.MARKET_VERBS and (nxt.text[0].isdigit() or nxt.low == "to"):
            return None
    if low in ("declared", "declares") and nxt is not None and nxt.low not in ("a", "an", "that") and nxt.is_word \
            and nxt.low not in C.PREPOSITIONS and any(toks[m].low in ("a", "an") and all(
                u.is_word and u.low not in _AUX_VERBS and u.low not in _BE for u in toks[i + 1:m])
                for m in range(i + 2, min(len(toks), i + 5))):
        return None  # "declared COVID-19 a pandemic": an act, not a report
    ends = nxt is None or nxt.text in ".!?"  # "..., the study concluded."
    as_clause = _in_as_clause(toks, i)
    if (low in C.CLAUSE_VERBS or low in C.THAT_VERBS) and not ends and not as_clause \
            and not _opens_clause(toks, i, low in C.THAT_VERBS):
        return None
    if low in C.QUOTE_VERBS and not _next_to_quotation(toks, i):
        return None  # "the talks continued", "adding to his lead": no words reported
    gap = False
    if nxt is not None and nxt.low in _AUX:
        if low not in _GAP_VERBS or i == 0 or not toks[i - 1].is_word:
            return None  # "the Mueller report had been finalized": a noun
        # "which officials said will take effect": the report of a relative clause whose
        # subject is the gap; the source is the noun phrase right before the verb
        gap = True
    j = i - 1
    while j >= 0 and (toks[j].low in C.SKIPPABLE and toks[j].low not in _BE or toks[j].text == ")"
                      or (toks[j].low in _REPORT_ADVERBS and toks[j].text.islower()
                          and (toks[j].low not in _MODALS or toks[j + 1].low in ("have", "has"))) or (toks[j].low in _REFLEXIVES and j > 0)
                      or (_negated_do(toks, j) and not low.endswith("ing"))
                      or (is_adverb(toks[j]) and j > 0)):
        if toks[j].text == ")":
            # "Price Waterhouse and Co (PW) said": step over the parenthesis
            while j >= 0 and toks[j].text != "(":
                j -= 1
        j -= 1
    timed = False
    if 0 <= j < i - 1 and toks[j].text.islower() and (toks[j].low.endswith(("ed", "en")) or toks[j].low in _IRREGULAR_PAST) \
            and any(t.low in C.CALENDAR or t.low in _TIME_WORDS or t.low in _TIME_NOUNS - {"the", "a", "an"}
                    for t in toks[j + 1:i]):
        # "A poll released Saturday found", "a poll conducted last week found": the time ends the
        # participle phrase that describes the subject
        j = max(m for m in range(j + 1, i) if toks[m].low in C.CALENDAR or toks[m].low in _TIME_WORDS
                or toks[m].low in _TIME_NOUNS - {"the", "a", "an"})
        timed = True
    progressive = False
    if j >= 0 and low in _PROGRESSIVE_VERBS and toks[j].low in _PROGRESSIVE_BE and (any(
            t.low in ("that", "it", "he", "she", "they", "we") or t.low in _QUESTION_WORDS or t.text in QUOTES
            or t.text == ":" for t in toks[i + 1:i + 5]) or (low == "telling" and any(
                t.low == "that" or _opening_quote(toks, m) for m, t in enumerate(toks[i + 1:i + 14], i + 1)))):
        # "is telling a packed crowd in Windham that": the hearers before the clause
        # "is telling", "isn't saying", "has been saying": a report in the progressive
        m = j
        while m >= 0 and (toks[m].low in _PROGRESSIVE_BE or toks[m].low in _PROGRESSIVE_AUX or toks[m].low in C.SKIPPABLE):
            m -= 1
        if m >= 0 and m < j and toks[m].low not in ("there", "it") and (toks[m].is_cap or toks[m].low in C.ROLE_NOUNS or toks[m].low in C.PRONOUNS
                                 or toks[m].is_word and toks[m].text.islower() and not toks[m].low.endswith("ing")):
            j, progressive = m, True
    if nxt is not None and nxt.low == "by" and j >= 0 and (toks[j].low in _BE or toks[j].low == "as"):
        rep = _by_agent(toks, i, j)
        if rep is not None:
            return rep
    if j >= 0 and toks[j].low == "as":
        if low == "saying":
            # "X was quoted by the Courier as saying": the one quoted, the subject of the passive
            q = next((m for m in range(j - 1, max(0, j - 14), -1) if toks[m].low == "quoted"), None)
            if q is not None and toks[q - 1].low in _BE | {"been"}:
                subj = _main_subject(toks, q)
                if subj is not None and len(subj) == 1 and subj[0].low in ("he", "she", "they", "it", "we"):
                    return Report("pronoun", (subj[0].start, verb.end), (subj[0].start, subj[0].end))
                if subj is not None and subj[0].low not in C.PRONOUNS:
                    return _named(subj, (toks[q].start, verb.end), False)
        return None  # "as reported earlier": no subject
    if j >= 0 and toks[j].low in _BE and not progressive:
        # a passive (was reported) or progressive (is claiming damages): no active subject
        phrase = f"{toks[j].low} {low}"
        if any(p.endswith(phrase) for p in C.PASSIVE_REPORTS):
            k = j - 1
            while k >= 0 and toks[k].low in ("has", "have", "had", "been"):
                k -= 1
            if k >= 0 and toks[k].low == "it":
                return Report("agentless", (toks[k].start, verb.end), None)
            return Report("passive", (toks[j].start, verb.end), None)
        return None
    if j < 0:
        return None
    head = toks[j]
    if head.low in _MODALS and head.text.islower():
        return None  # "The company may announce the sale": a forecast, not a report
    if low in C.BASE_FORMS and not (head.low in ("they", "we", "i", "you") or toks[i - 1].low in _DO_MODALS
                                    or (i > 1 and toks[i - 1].low == "only" and toks[i - 2].low in ("would", "did", "will"))
                                    or _respondents(toks[_clause_start(toks, j):j + 1]) or any(
            t.low.endswith("s") and t.low not in ("its", "his", "this", "us") and not t.is_possessive
            or t.low in ("data", "people", "police") for t in toks[_clause_start(toks, j):j + 1])):
        return None  # "the Mueller report", "a Reuters report": nouns
    if head.low in ("who", "which", "that") and j > 0:
        # "the findings of the audit, which said it ...", "the data, which showed": the noun phrase
        # a non-restrictive relative clause describes, when it names a document or a party (only
        # when the sentence has no report of its own). Not a restrictive "that" clause ("Cruz
        # pointed to a poll that shows": PolNeAR gives Cruz), nor "A woman who has accused X ... said"
        np = _antecedent(toks, j) if head.low == "which" and toks[j - 1].text == "," else None
        if np is not None and (np[-1].low in _RESULT_NOUNS or _has_name(np) and np[-1].low not in _PEOPLE_HEADS) \
                and (low in C.FINDING_VERBS or ends or _opens_clause(toks, i, False)):
            return Report("named", cue, _span(np), False, True)
        return None
    if head.low in C.PRONOUNS and head.low not in ("his", "her", "its", "their"):
        return Report("pronoun", (head.start, verb.end), (head.start, head.end))
    if head.text in QUOTES and j > 1 and toks[j - 1].text == "," and low.endswith("ing") and not progressive:
        j -= 1  # 'calling himself the "king of debt," noting'
        head = toks[j]
    if head.text in (",", "—", "–", "-") and j > 0 and low.endswith("ing") and not progressive:
        # "X rejected the idea, saying ...": the subject of the clause the participle joins
        if low == "claiming" and nxt is not None and nxt.text[:1].isdigit():
            return None  # "claiming 41 percent of the vote": a result, not a claim
        if any(toks[m].low in _POSTPOSED and m > 0 and (toks[m - 1].text == "," or toks[m - 1].text in QUOTES)
               and (toks[m + 1].is_cap or toks[m + 1].low in C.DETERMINERS) for m in range(max(0, j - 20), j)):
            return None  # "..., said Lena Brandt, the union's chief, adding that": the postposed report's source
        rep = _participle_report(toks, i, j, cue)
        if rep is not None or low in _FINDING_ING:
            return rep  # "Four people were injured, showing the gulf": no report
        return _participle_fallback(toks, j, cue)
    if head.text in (",",) + _DASHES and j > 0 and not low.endswith("ing"):
        # "Marley Anderson, 21, a junior from Las Vegas, said"; "Jason Sims — a teacher — says"
        subj = _main_subject(toks, i, at_end=True)
        if subj is not None and not (len(subj) == 1 and subj[0].low in C.PRONOUNS):
            return _named(subj, cue, False)
    if head.text == "," and j > 0:
        # "X, an appositive, said" or "The poll, taken on Monday, showed"
        a_end = j
        a_start = j
        while a_start - 1 >= 0 and toks[a_start - 1].text not in CLAUSE_PUNCT:
            a_start -= 1
        appos = toks[a_start:a_end]
        if a_start > 0 and toks[a_start - 1].text == ",":
            b_start = _clause_start(toks, a_start - 2)
            named_before = toks[b_start:a_start - 1]
            if named_before and all(is_adverb(u) or u.low in C.SKIPPABLE for u in named_before) and b_start > 1 \
                    and toks[b_start - 1].text == ",":
                # "Sanders, meanwhile, who ..., said": the name stands before the adverb
                stop = b_start - 1
                b_start = _clause_start(toks, b_start - 2)
                named_before = toks[b_start:stop]
                appos = []
            if named_before and _has_name(named_before) and len(named_before) <= _MAX_SUBJECT:
                # "Ana Costa, the port's director, said": the appositive is part of the source
                # (not a participle: "X, writing for the majority, said")
                describes = appos and not (appos[0].text.islower() and appos[0].low.endswith(("ing", "ed"))
                                           and appos[0].low not in C.ROLE_NOUNS) \
                    and not is_adverb(appos[0]) and appos[0].low not in C.SKIPPABLE and len(appos) <= 30 \
                    and appos[0].low not in C.PREPOSITIONS
                # a one-word name stays alone: "Murphy," would no longer match "Murphy"
                describes = describes and sum(u.is_word for u in named_before) >= 2
                seg = named_before + ([toks[a_start - 1]] + appos if describes else [])
                return _named(seg, cue, False)
        elif appos and _has_name(appos) and len(appos) <= _MAX_SUBJECT and main_verb_index(appos) is None \
                and not any(_is_predicate_verb(toks, m) for m in range(a_start + 1, a_end)):
            return _named(appos, cue, False)  # not "Sales rose 5 percent, said the company"
        elif appos and low not in C.NOUN_LIKE_VERBS and i - j > 1 \
                and not (nxt is not None and (nxt.is_cap or nxt.low in C.DETERMINERS)):
            # "Kasich jokingly offered the man a job, then says": the subject of the verbs before
            cut = _subject_before_verb(toks, a_start, a_end)
            if cut is not None:
                return _named(cut, cue, False)
        return None
    if head.low in ("in", "on", "at") and not low.endswith("ing") and j + 1 < i and toks[j + 1].is_cap \
            and toks[j + 1].low in C.CALENDAR:
        j += 1  # "a Washington Post/ABC poll in Wednesday showed": the date ends the subject
        head = toks[j]
    if head.low in C.PREPOSITIONS and (head.low not in _FALLBACK_AFTER or not low.endswith("ing")):
        return None  # "as a result of alleged acts", "her lead in pledged delegates": an adjective
    if low in _NOUN_S and head.is_word and head.text.islower() and head.low not in C.ROLE_NOUNS \
            and head.low not in C.PRONOUNS and not is_adverb(head) and head.low not in C.SKIPPABLE \
            and (nxt is None or nxt.text in ".!?;)" or nxt.low in C.PREPOSITIONS) \
            and not (_clause_start(toks, j) > 0 and toks[_clause_start(toks, j) - 1].text in (",",) + _DASHES):
        return None  # "their favorite television shows.", "research projects": nouns, not "..., the survey shows."
    if low.endswith("ed") and head.text[:1].isdigit() and nxt is not None and nxt.is_word and nxt.text.islower() \
            and nxt.low not in C.DETERMINERS and nxt.low not in C.PRONOUNS and nxt.low not in ("that", "there"):
        return None  # "300 pledged delegates": an adjective
    ing = verb.low.endswith("ing") and not progressive
    if ing and head.low in _ISSUED_DOCS and low not in _FINDING_ING and any(
            toks[m].low in _ISSUING for m in range(max(0, j - 5), j)):
        # "McConnell issued a statement saying": the issuer, the subject of the clause
        subj = _main_subject(toks, j)
        if subj is not None and not (len(subj) == 1 and subj[0].low in C.PRONOUNS):
            return _named(subj, cue, False)
    if ing and head.text != "," and head.low not in _FALLBACK_AFTER:
        return None  # "hidden data showing 14 cases": a participle, not a report
    if ing and head.is_cap and head.low in _FALLBACK_AFTER and j == 0:
        # "After saying he was nervous, the man ...": the main clause's subject
        return None if low in _FINDING_ING else _intro_participle(toks, i, cue)
    k = _clause_start(toks, j)
    if gap:
        # "a probe the agency said was ongoing", "a dynamic Greenberg said could": the noun
        # phrase right before the verb, not the head noun the relative clause describes
        if head.is_cap:
            m = j
            while m - 1 >= k and toks[m - 1].is_word and (toks[m - 1].is_cap or toks[m - 1].low in ("of", "for", "and")
                                                          and m - 2 >= k and toks[m - 2].is_cap):
                m -= 1
            if m - 1 >= k and toks[m - 1].low in ("the", "a", "an"):
                m -= 1
            k = m
        else:
            dets = [m for m in range(k + 1, j + 1) if toks[m].low in ("the", "a", "an") and toks[m - 1].is_word
                    and toks[m - 1].low not in C.PREPOSITIONS and toks[m - 1].low not in C.DETERMINERS]
            if dets:
                k = dets[-1]
    coordinated = False
    if k > 1 and toks[k - 1].low in ("and", "or") and toks[k].low in ("others", "other") and (
            toks[k - 2].is_cap or toks[k - 2].low in C.ROLE_NOUNS):
        # "Edwards and others said", "Mrs. Rao and other bundlers in both parties said"
        k2 = _clause_start(toks, k - 2)
        if j + 1 - k2 <= _MAX_SUBJECT and main_verb_index(toks[k2:j + 1]) is None and not any(
                _is_predicate_verb(toks, m) for m in range(k2, j + 1)) and not (low in _NOUN_S and ends):
            k, coordinated = k2, True
    relative = False
    if k > 1 and toks[k - 1].low in ("who", "whose") and toks[k - 2].is_word:
        # "A woman who has accused X of Y said": the subject holds its relative clause
        k2 = _clause_start(toks, k - 2)
        if k2 == 0 or toks[k2 - 1].text in CLAUSE_PUNCT:
            np0 = toks[k2:k - 1]
            if (_has_name(np0) or np0[0].low in ("a", "an", "the")) and main_verb_index(np0) is None \
                    and j + 1 - k2 <= 20:
                k, relative = k2, True
    short = toks[k:j + 1]
    while len(short) > 1 and short[0].low in C.SKIPPABLE:
        short = short[1:]  # "Earlier this month the operator said"
    final_position = k > 0 and toks[k - 1].text in CLAUSE_PUNCT and (
        _is_final(toks, i) or (nxt is not None and nxt.text == ","))
    # "The former aide has said", "..., whistleblowers said.": a determiner-led or
    # sentence-closing short phrase is a specific source even without a capital or a role noun
    loose = 0 < len(short) <= 6 and head.is_word and head.text[:1].islower() and short[0].low not in (
        "and", "but", "or", "so", "then", "yet") and (
        short[0].low in C.DETERMINERS - {"some", "any", "no", "other", "such"}
        or final_position) or relative or _respondents(short)
    if loose and not relative and any(_is_predicate_verb(toks, m) and not _participle_at(toks, m)
                                      for m in range(j - len(short) + 2, j + 1)):
        loose = False  # "The economy grew 3 percent and said": a clause, not a subject
    if not loose and 0 < len(short) <= _MAX_SUBJECT and head.is_word and short[0].low not in C.PRONOUNS \
            and head.low not in C.PREPOSITIONS and head.low not in C.CLAUSE_WORDS and head.low not in _INTRO \
            and (short[0].low in C.DETERMINERS or short[0].is_cap or short[0].text[:1].isdigit()
                 or (toks[k].low in C.SKIPPABLE and toks[k].is_cap)) \
            and any((t.low in C.DOCUMENT_NOUNS or t.low in C.ROLE_NOUNS or (t.low in _DOCUMENT_OF and u.low == "of"))
                    and (t.text.islower() or (m == 0 and short[0] is toks[k] and _opens_sentence(toks, k)))
                    for m, (t, u) in enumerate(zip(short, short[1:] + [verb]))) \
            and not any(_is_predicate_verb(toks, m) and not _participle_at(toks, m) for m in range(j - len(short) + 2, j + 1)):
        loose = True  # "Early results of an entrance poll of caucus-goers are showing"
    if not loose and 2 < len(short) <= _MAX_SUBJECT and any(
            t.low == "people" and u.low in _PEOPLE_LINKS for t, u in zip(short[:3], short[1:4])) \
            and short[0].low not in C.VAGUE_SUBJECTS - {"people"} and main_verb_index(short) is None:
        loose = True  # "People familiar with the talks said", "two people close to him said"
    loose = loose or coordinated
    if ing and head.low in _FALLBACK_AFTER:
        loose = False  # "X responded by saying": the participle's subject is the clause's
    if timed and short and short[0].low in C.DETERMINERS | {"new", "recent"} and len(short) <= _MAX_SUBJECT:
        loose = True  # "A New York Times/CBS News poll conducted last week found"
    if not _is_nounish(head) and not loose:
        # "after admitting ...", "..., deeming it ...", "but said ...": the clause's subject
        if not ing and head.low in ("and", "but"):
            # "A spokesman for X denied the claims and said": the subject of the coordinated verbs
            while k > 1 and toks[k - 1].low in ("and", "but") and toks[k].low in MAIN_VERBS:
                k = _clause_start(toks, k - 2)  # "X won the vote and denied it and said"
            seg = toks[k:j + 1]
            while len(seg) > 1 and seg[0].low in C.SKIPPABLE:
                seg = seg[1:]
            if main_verb_index(seg) is not None:
                cut = _cut_at_verb(seg)
                if cut is not None and len(cut) <= _MAX_SUBJECT:
                    return _named(cut, cue, False)
            if k > 0 and toks[k - 1].low in ("that", "as", "whether", "if", "which"):
                # "Ms. Conway rejected the idea that the changes were a shake-up and said": the
                # coordination joins the main clause, not the clause inside it
                subj = _main_subject(toks, j)
                if subj is not None and not (len(subj) == 1 and subj[0].low in C.PRONOUNS):
                    return _named(subj, cue, False)
            cut = _subject_before_verb(toks, k, j)
            if cut is not None:
                return _named(cut, cue, False)  # "The senator paused and recalled"
            if k == j and k > 0 and toks[k - 1].text == ",":
                # "Mr. Putin backpedaled on his prediction, and blamed": the clause before the comma
                subj = _main_subject(toks, k - 1)
                if subj is not None and not (len(subj) == 1 and subj[0].low in C.PRONOUNS):
                    return _named(subj, cue, False)
        if ing and head.low in _FALLBACK_AFTER:
            # "A Chinese official responded by saying": the subject of the clause before
            if low in _FINDING_ING:
                return None  # "after showing no increase": no report
            subj = _main_subject(toks, j)
            if subj is not None and not (len(subj) == 1 and subj[0].low in C.PRONOUNS):
                return _named(subj, cue, False)
            rep = _intro_participle(toks, i, cue)
            if rep is not None:
                return rep
        if (ing and head.low in _FALLBACK_AFTER) or (not ing and head.low in ("and", "but")):
            return _participle_fallback(toks, j, cue)
        return None
    seg = toks[k:j + 1]
    while seg and (seg[0].low in C.SKIPPABLE or seg[0].low in ("and", "but", "or", "so")) and len(seg) > 1:
        seg = seg[1:]
    document = len(seg) > 3 and seg[0].low in C.DETERMINERS and any(
        t.low in C.DOCUMENT_NOUNS and seg[m + 1].low in ("by", "from", "of") for m, t in enumerate(seg[1:min(4, len(seg) - 1)], 1)) \
        and len(seg) <= _MAX_SUBJECT + 10 and main_verb_index(seg) is None
    if len(seg) > _MAX_SUBJECT and not relative and not document:
        # a long preamble: keep the noun phrase that ends at the head
        run = [head]
        for t in reversed(toks[k:j]):
            if t.is_word and (t.is_cap or t.low in C.ROLE_NOUNS or t.is_possessive
                              or t.low in ("of", "for", "the", "a", "an", "at", "&")):
                run.insert(0, t)
            else:
                break
        seg = run
    if not seg or not (_has_name(seg) or loose):
        return None
    if low in C.FINDING_VERBS and not any(t.low in C.DOCUMENT_NOUNS for t in seg) and not (
            (ends or nxt.low == "that") and _has_name(seg)):
        return None  # "police found a body" is a discovery, not a report
    v = main_verb_index(seg)
    if v is not None and low in C.NOUN_LIKE_VERBS and not any(t.low in ("and", "but") for t in seg[v:]):
        return None  # "X rejected Japanese claims that ...": an object noun, not a verb
    if v is not None and len(seg) - v > 8 and not any(t.low in ("and", "but") for t in seg[v:]):
        return None  # a whole clause before the verb: no subject of it
    return _named(seg, cue, final_position)


#: claim nouns that report their owner's words before a *that* clause (*the company's
#: statement that ...*, *a report by the Ledger that ...*): the owner is the source
_CLAIM_OF = frozenset("""claim claims statement statements account accounts assertion assertions report reports
allegation allegations contention""".split())


def _possessor(toks: list[Token], p: int) -> list[Token] | None:
    """Return the noun phrase that ends with the possessive at ``p`` (*the central bank's*,
    *Acme Corp.'s*): back to its determiner, else its run of capitalised words."""
    for d in range(p - 1, max(-1, p - 5), -1):
        t = toks[d]
        if t.low in ("the", "a", "an", "this", "that"):
            return toks[d:p + 1]  # "the prosecution's", "the family's": a party
        if not t.is_word or t.low in C.PREPOSITIONS or t.low in C.CLAUSE_WORDS or t.low in C.DETERMINERS \
                or t.low in MAIN_VERBS or (t.text.islower() and t.low.endswith("ed")):
            break
    m = p
    while m - 1 >= 0 and toks[m - 1].is_word and toks[m - 1].is_cap and not toks[m - 1].is_possessive:
        m -= 1
    np = toks[m:p + 1]
    if not toks[p].is_cap or (m == 0 and np[0].low in C.SKIPPABLE | C.PREPOSITIONS | C.CLAUSE_WORDS):
        return None
    return np


def _claim_owner(toks: list[Token], i: int) -> Report | None:
    """Return the report of a claim noun with its owner before a *that* clause: a possessive
    (*rejected the prosecution's claim that*) or a *by* phrase (*a report by the Ledger that*).
    It names the source only when the sentence has no report of its own (``embedded``)."""
    n = len(toks)
    t = toks[i]
    if i == 0 or i + 1 >= n or not t.text.islower():
        return None
    if toks[i + 1].low == "that" and toks[i - 1].is_possessive and toks[i - 1].low not in C.PRONOUNS:
        np = _possessor(toks, i - 1)
        if np is None or np[-1].low in C.VAGUE_SUBJECTS:
            return None
        return Report("named", (toks[i - 1].start, t.end), _span(np), False, True)
    if toks[i + 1].low == "by" and i + 2 < n:
        np = _np_after(toks, i + 2)
        e = i + 2 + len(np)
        if np and e < n and toks[e].low == "that" and _has_name(np) and np[0].low not in C.PRONOUNS \
                and np[0].low not in C.VAGUE_SUBJECTS and main_verb_index(np) is None:
            return Report("named", (t.start, toks[i + 1].end), _span(np), False, True)
    return None


def find_reports(text: str, base: int = 0, toks: list[Token] | None = None) -> list[Report]:
    """Return the reporting cues of one sentence in order, each with what it says of its source."""
    if toks is None:
        toks = tokenize(text, base)
    out: list[Report] = []
    n = len(toks)
    opening = None
    polls: list[Report] = []
    colon = _colon_source(toks)
    if colon is not None:
        out.append(colon)
    # what the whole sentence says is computed once, when first asked, not once per cue
    quotes_before: list[int] = []
    title: list[bool] = []

    def in_quotation(i: int) -> bool:
        if not quotes_before:
            quotes_before.extend(accumulate((t.text in QUOTES for t in toks), initial=0))
        return quotes_before[i] % 2 == 1

    def title_case() -> bool:
        if not title:
            title.append(_title_case(toks))
        return title[0]

    for i, t in enumerate(toks):
        low = t.low
        if low[-1:] == "s" and (low in _FIRST or low in _CLAIM_OF) and _plural_head(toks, i):
            continue  # "The current pledges fall short", "Jobless claims rose": a noun, no report
        if low in _CLAIM_OF:
            rep = _claim_owner(toks, i)
            if rep is not None:
                out.append(rep)
                continue
        if low not in _FIRST or (i > 0 and toks[i - 1].low == "than"):
            continue  # "sooner than expected" reports nothing
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            np = _np_after(toks, i + 2)
            if np:
                cue = (t.start, toks[i + 1].end)
                if np[0].low in _AGENTLESS_NPS and not _has_name(np[1:]):
                    out.append(Report("agentless", cue, None))
                else:
                    # "According to X, ...": X governs the whole sentence; so does a closing
                    # "..., according to X." (with its appositive or relative clause)
                    end = i + 2 + len(np)
                    ext = _source_tail(toks, end)
                    closing = i > 0 and not any(u.is_word for u in toks[ext:])
                    if closing and ext > end:
                        np = toks[i + 2:ext]
                    rep = _named(np, cue, i == 0 or closing)
                    if rep.kind == "named" and closing and np[-1].is_possessive and rep.source[1] < np[-1].end \
                            and _trim_document(np) is np:
                        rep = rep._replace(source=(rep.source[0], np[-1].end))  # "according to Moody's."
                    out.append(rep)
                    if i == 0:
                        opening = out[-1]
            continue
        if low == "in":
            rep = _poll_source(toks, i)
            if rep is not None:
                polls.append(rep)
            continue
        if low == "reportedly":
            out.append(Report("agentless", (t.start, t.end), None))
            continue
        if i == 0 and low in _POSTPOSED and t.is_cap and n > 3:
            # 'Said Comey, "The thought ..."': the verb opens the sentence, the speaker follows it
            np = _np_after(toks, 1)
            e = 1 + len(np)
            end = _appositive_end(toks, e) if np else e
            if np and _has_name(np) and np[0].low not in C.PRONOUNS and end < n - 1 and toks[end].text in (",", ":") \
                    and _opening_quote(toks, end + 1):
                out.append(_named(toks[1:end] if len(np) >= 2 else np, (t.start, t.end), True))
            continue
        if i == 0 and low.endswith("ing") and low in C.REPORTING_VERBS and low not in _FINDING_ING and n > 2 \
                and (toks[1].low in ("that", "he", "she", "they", "it", "we") or _opening_quote(toks, 1)):
            rep = _intro_participle(toks, i, (t.start, t.end))  # "Noting that ..., Trump reminded"
            if rep is not None:
                out.append(rep)
            continue
        if not t.text[:1].islower() and not (
                # a headline in title case: "Lee Says Plant Will Close"
                0 < i < n - 1 and toks[i - 1].is_cap and toks[i - 1].is_word and toks[i + 1].is_cap
                and low in _HEADLINE_VERBS and title_case()):
            continue  # reporting verbs are lower case; "States" and "Report" are names
        phrasal = _PHRASAL.get(low)
        if phrasal and tuple(u.low for u in toks[i + 1:i + 1 + len(phrasal)]) == phrasal:
            # "Rubio fired back", "Bush pointed out that", "The email goes on to say"
            rep = _subject(toks, i)
            if rep is not None:
                out.append(rep._replace(cue=(t.start, toks[i + len(phrasal)].end)))
            continue
        verb_like = low in C.REPORTING_VERBS or (low in ("spoke", "spoken") and i + 1 < n
                                                  and toks[i + 1].low in ("about", "of")) or _other_cue(toks, i, in_quotation)
        if not verb_like:
            continue
        if low in _POSTPOSED and i > 0 and (toks[i - 1].text in QUOTES or toks[i - 1].text == ","):
            quoted = toks[i - 1].text in QUOTES or (i > 1 and toks[i - 2].text in QUOTES)
            np = _np_after(toks, i + 1)
            e = i + 1 + len(np)
            # "..., said DeSantis, who was elected in 2012.": a name closing the sentence after the
            # verb is the source, whatever clause comes before the comma
            closing_name = bool(np) and len(np) <= 8 and (np[0].is_cap or np[0].low in C.DETERMINERS) \
                and (np[-1].is_cap or np[-1].low in C.ROLE_NOUNS) and np[0].low not in C.CALENDAR \
                and _has_name(np) and not any(u.low in C.PRONOUNS for u in np) \
                and not any(_is_predicate_verb(toks, m) for m in range(i + 2, e)) and main_verb_index(np) is None \
                and (e >= n - 1 or _source_tail(toks, e) > e)
            if not quoted and not closing_name:
                # "X, an aide, said ...": the subject comes first
                rep = _subject(toks, i)
                if rep is not None and rep.kind == "named":
                    out.append(rep)
                    continue
            end = _appositive_end(toks, e) if np else e
            tail = [u for u in toks[end:] if u.is_word]
            opens = np and (np[0].is_cap or np[0].low in C.DETERMINERS or np[0].low in C.ROLE_NOUNS or np[-1].is_cap)
            # after a quotation a determiner-led phrase is a specific source ('..." said the woman')
            loose = quoted and not _opening_quote(toks, i - 1) and np and np[0].low in ("the", "a", "an", "this", "that", "one") and len(np) <= 6 \
                and main_verb_index(np) is None and not any(u.low in C.VAGUE_SUBJECTS for u in np)
            if opens and (_has_name(np) or loose) and np[0].low not in C.PRONOUNS and np[0].low not in C.PREPOSITIONS \
                    and (quoted or len(tail) <= 8 or end > e or _source_tail(toks, e) > e or (
                        e < n - 1 and toks[e].text == "," and (toks[e + 1].low in ("but", "and", "while", "though")
                                                               or _opening_quote(toks, e + 1)))):
                # the appositive joins a name of two or more words ("said Ana Costa, a nurse")
                out.append(_named(toks[i + 1:end] if len(np) >= 2 else np, (t.start, t.end), True))
                continue
        rep = _subject(toks, i)
        if rep is not None:
            if low not in C.REPORTING_VERBS:
                rep = rep._replace(final=False)  # a ruling, a verdict in words or a silence governs no quotation
            out.append(rep)
    quoted = _quoted(toks)
    if quoted:
        # a report inside a quotation is the quoted speaker's words: it names the source only
        # when the sentence reports nothing outside the quotation
        out = [r._replace(embedded=True, final=False) if r.kind == "named" and r.cue[0] in quoted else r for r in out]
    if polls and not any(r.kind == "named" for r in out):
        out += polls  # "In a Gallup poll, Smith led with 24 percent": the poll, when no one else reports
    if opening is not None and opening.kind == "named":
        return [opening] + [r._replace(final=False) for r in out if r is not opening]
    return out


#: forms that agree with a plural subject, or past forms, which cannot follow a verb in -s
#: (modals can: *a depot the council says will cost*, a relative clause with a gap)
_PLURAL_PREDICATE = frozenset("are were have aren't weren't haven't aren’t weren’t haven’t".split()) | (
    _IRREGULAR_PAST - frozenset("put cut set let hit bet shut spread quit bound wound".split()))
_ADJECTIVE_ENDINGS = ("less", "est", "ous", "ful", "ical", "ly")


def _is_adjective(tok: Token) -> bool:
    """Whether ``tok`` is a plain adjective by the closed list or its ending (*jobless*,
    *weekly*, *latest*), and not a noun of people or documents."""
    low = tok.low
    if low in C.ROLE_NOUNS or low in C.DOCUMENT_NOUNS or low in C.PRONOUNS or not tok.is_word:
        return False
    return low in C.PLAIN_ADJECTIVES or (len(low) > 5 and low.endswith(_ADJECTIVE_ENDINGS) and low.isalpha())


def _plural_head(toks: list[Token], i: int) -> bool:
    """Whether the -s word at ``i`` is a plural noun heading its phrase, not a verb in -s: a
    predicate of its own follows (*Jobless claims rose*, *the pledges would*), or only plain
    adjectives stand between it and a determiner or the clause's start (*The current pledges*,
    *the latest reports show*)."""
    if i + 1 < len(toks) and toks[i + 1].low in _PLURAL_PREDICATE:
        return True
    m = i - 1
    while m >= 0 and i - m <= 2 and _is_adjective(toks[m]) and (toks[m].text.islower() or m == 0):
        m -= 1
    if m == i - 1:
        return False  # no adjective before it: "The company pledges", "officials claims"
    return m < 0 or toks[m].low in C.DETERMINERS or toks[m].text in CLAUSE_PUNCT or toks[m].low in C.PREPOSITIONS


def _quoted(toks: list[Token]) -> set[int]:
    """Return the start offsets of the tokens inside closed quotations: curly marks in pairs,
    straight double marks and doubled apostrophes (*''...''*) toggling."""
    inside: set[int] = set()
    opened: int | None = None
    k = 0
    n = len(toks)
    while k < n:
        t = toks[k].text
        mark = None
        if t in ('"', "“", "”"):
            mark = t
        elif t == "'" and k + 1 < n and toks[k + 1].text == "'" and toks[k + 1].start == toks[k].end:
            mark = "''"
        if mark is not None:
            closing = k > 0 and toks[k - 1].text in ",.!?" and toks[k - 1].end == toks[k].start
            if opened is None and closing and mark != "“" and not inside:
                inside.update(u.start for u in toks[:k])  # the sentence opens inside a quotation
            elif opened is None and mark != "”":
                opened = k
            elif opened is not None and mark != "“":
                inside.update(u.start for u in toks[opened + 1:k])
                opened = None
            if mark == "''":
                k += 1
        k += 1
    return inside


def _source_tail(toks: list[Token], e: int) -> int:
    """Return the index past what describes a source that ends before token ``e`` and closes
    the sentence: an appositive (*according to John Weaver, a Republican strategist.*) or a
    relative clause (*according to a senior official who spoke on condition of anonymity.*);
    ``e`` when what follows is not that."""
    n = len(toks)
    if e < n and toks[e].low in ("who", "whose", "that") and e > 0 and toks[e - 1].is_word:
        m = e
        while m < n and toks[m].text not in (",", ";", ":", "(") and not (toks[m].text in ".!?" and m >= n - 2):
            m += 1
        return m if not any(u.is_word for u in toks[m:]) else e
    end = _appositive_end(toks, e)
    if end == e or any(u.is_word for u in toks[end:]) or sum(u.is_word for u in toks[:e] if u.start >= toks[e - 1].start) < 1:
        return e
    name = []
    k = e - 1
    while k >= 0 and toks[k].text not in CLAUSE_PUNCT and toks[k].low != "to":
        name.insert(0, toks[k])
        k -= 1
    # a one-word name keeps no appositive (the gold data's convention), and an appositive holds no verb
    if sum(u.is_word for u in name) < 2 or _appositive_piece(toks[e + 1:end]) != "describes":
        return e
    return end


#: what opens the figure a party puts something at (*put the toll at about 200*)
_PUT_FIGURE = frozenset("""about around roughly nearly almost some more less fewer least between anywhere up close
upwards just over under $ £ € one two three four five six seven eight nine ten twenty thirty forty fifty hundred
hundreds thousands millions dozens""".split())


def _other_cue(toks: list[Token], i: int, in_quotation: Callable[[int], bool]) -> bool:
    """Whether the word at ``i`` reports a party's words without a reporting verb: a ruling
    (*the judge ruled that*), a verdict in words (*called the plan a disgrace*, *called for*), a
    question (*asked whether*), or a reported silence (*declined to comment*)."""
    low = toks[i].low
    if i == 0 or toks[i - 1].low in C.CLAUSE_WORDS or toks[i - 1].low in _BE or (
            toks[i - 1].text in (",", "—") and low not in ("declined", "refused", "calling")):
        return False  # "When asked if ...", "was called", "a group ..., called X": no subject of it
    if low == "calling" and toks[i - 1].text not in (",", "—"):
        return False  # "calling" reports only as a participle after a clause: ", calling the plan a sham"
    if in_quotation(i):
        return False  # inside a quotation: the quoted speaker's words, not the report
    nxt = [t.low for t in toks[i + 1:i + 8]]
    if not nxt:
        return low in ("ruled", "rules") and any(t.low in _COURT for t in toks[max(0, i - 8):i])
    if low in C.RULING_VERBS:
        if not any(t.low in _COURT for t in toks[max(0, i - 8):i]):
            return False  # "proportionality rules": only a court or a judge rules
        if low in ("ruled", "rules"):
            # "ruled on Wednesday that", "..., the appeals court ruled."
            return "that" in nxt[:5] or nxt[0] in (".", "!")
        return nxt[0] == "that"
    if low == "put":
        # "As Vulture put it, ..."
        if nxt[0] == "it" and _in_as_clause(toks, i + 1):
            return True
        # "Analysts put the cost at 6 billion dollars": a party's figure, an estimate it gives
        at = next((m for m in range(i + 2, min(len(toks) - 1, i + 14)) if toks[m].low == "at"
                   or toks[m].text in CLAUSE_PUNCT), None)
        return at is not None and toks[at].low == "at" and toks[i + 1].is_word and toks[i + 1].low != "it" \
            and (toks[at + 1].text[:1].isdigit() or toks[at + 1].low in _PUT_FIGURE)
    if low == "calls":
        # "Clinton calls on the U.S. to lead"; "calls for" is mostly a noun ("Democratic calls for her to quit")
        return nxt[0] == "on" and toks[i - 1].is_word and toks[i - 1].low not in C.DETERMINERS
    if low in ("called", "calling"):
        if nxt[0] in ("for", "on"):
            return True
        first = toks[i + 1]
        if toks[i - 1].low in C.ROLE_NOUNS and toks[i - 2].low in ("a", "an") if i > 1 else False:
            return False  # "a group called Citizens for Trump": a name
        if first.low in C.DETERMINERS or first.is_cap or first.low in ("it", "him", "her", "them", "this"):
            for w in nxt[1:6]:
                if w in (",", "by", "."):
                    return False
                if w in ("a", "an") or w in QUOTES:
                    return True
        return False
    if low in ("asked", "asks"):
        if len(nxt) > 1 and nxt[0] in (",", ":") and _opening_quote(toks, i + 2):
            return True  # 'Bartiromo asked, "Do you think ..."'
        return nxt[0] in _QUESTION_WORDS or nxt[0] in QUOTES or (
            len(nxt) > 2 and toks[i + 1].is_word and nxt[1] in _QUESTION_WORDS)
    if low in ("declined", "refused"):
        return len(nxt) > 1 and nxt[0] == "to" and nxt[1] in _SILENCE
    return False


def _poll_source(toks: list[Token], i: int) -> Report | None:
    """Return the poll that reports a result (*In a Des Moines Register poll, Smith led with 24
    percent*; *..., in a survey by Gallup*): a poll or survey phrase after *in*, in a sentence
    with a figure; a poll by a named owner gives the owner."""
    n = len(toks)
    if i + 2 >= n or toks[i + 1].low not in ("a", "an", "the"):
        return None
    for m in range(i + 2, min(n, i + 7)):
        t = toks[m]
        if t.text in CLAUSE_PUNCT or t.text in ".!?" or (t.text.islower() and t.low in C.PREPOSITIONS):
            return None
        if t.low in ("poll", "survey") and t.text.islower():
            after = toks[m + 1] if m + 1 < n else None
            if after is not None and after.text not in (",", ".") and after.low not in ("by", "of", "for", "released",
                                                                                        "conducted", "taken"):
                return None
            np = _np_after(toks, i + 1)
            if not np or not any(u.text[:1].isdigit() or u.low == "percent" for u in toks):
                return None
            if not any(u.is_cap and u.low not in C.CALENDAR for u in np[1:]):
                return None  # "in the March survey": no owner named
            owner = _trim_document(np)
            return Report("named", (toks[i].start, t.end), _span(owner), False)
    return None


def _title_case(toks: list[Token]) -> bool:
    words = [t for t in toks if t.is_word and t.text[:1].isalpha()]
    return len(words) >= 4 and sum(t.is_cap for t in words) >= 0.7 * len(words)


def _colon_source(toks: list[Token]) -> Report | None:
    """Return the speaker of a headline or transcript line (*Graham: Trump's rhetoric ...*): a
    name of one to four capitalised words that opens the sentence, a colon, then the words."""
    k = next((m for m, t in enumerate(toks[:6]) if t.text == ":"), None)
    if not k or len(toks) - k < 5:
        return None
    name = toks[:k]
    if not all(t.is_cap and t.is_word or t.text in ("(", ")", "-") for t in name) or not name[0].is_word \
            or any(t.low in _NOT_SPEAKERS or t.low in C.CALENDAR or t.low in C.DETERMINERS for t in name if t.is_word):
        return None
    words = [t for t in name if t.is_word]
    rest = toks[k + 1:]
    # what follows must be a quotation (a transcript line or a quoted headline), not a list
    if not (rest[0].text in QUOTES or (len(words) <= 3 and any(t.text in QUOTES for t in rest))):
        return None
    return Report("named", (toks[k].start, toks[k].end), _span(words), False)
