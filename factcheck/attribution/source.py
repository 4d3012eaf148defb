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

from itertools import accumulate
from typing import Callable

from .. import cues as C
from .according import according_to
from .documents import _claim_owner, _colon_source, _poll_source
from .phrases import (Report, _BE, _IRREGULAR_PAST, _appositive_end, _has_name, _is_predicate_verb, _named, _np_after,
    _opening_quote, _quoted, _source_tail, _title_case, main_verb_index)
from .subject import _FINDING_ING, _POSTPOSED, _QUESTION_WORDS, _in_as_clause, _intro_participle, _subject, _with_absolute
from .tokens import CLAUSE_PUNCT, QUOTES, Recent, Token, tokenize

#: capitalised reporting verbs that a title-case headline uses (*Lee Says ...*)
#: (not the participles a headline uses as passives: *X Accused Of*, *Y Blamed For*)
_HEADLINE_VERBS = frozenset("""says said tells told claims warns warned admits admitted insists insisted reports
denies vows vowed confirms confirmed slams blasts accuses blames defends urges predicts promises pledges concedes
argues suggests touts praises criticizes announces announced explains alleges""".split())


#: phrasal reporting verbs: the verb and the words after it that make it one (*pointed out*, *fired
#: back*, *made it clear*, *laid out his case*, *took to Twitter*), each verb with its alternatives
_PHRASAL = {"pointed": (("out",),), "points": (("out",),), "fired": (("back",),), "fires": (("back",),),
            "shot": (("back",),), "hit": (("back",),), "hits": (("back",),),
            "went": (("on", "to", "say"),), "goes": (("on", "to", "say"),),
            "made": (("it", "clear"), ("clear",)), "makes": (("it", "clear"), ("clear",)),
            "laid": (("out",),), "lays": (("out",),), "spelled": (("out",),), "spells": (("out",),),
            **{took: (("to", "twitter"), ("to", "facebook"), ("to", "instagram"), ("to", "social", "media"),
                      ("to", "the", "airwaves")) for took in ("took", "takes")}}
#: what one makes when one says something (*made similar comments*, *has made remarks about*)
_REMARKS = frozenset("comments comment remarks remark statements statement".split())
#: what *made clear* reports before (not *made clear progress*)
_CLEAR_BEFORE = frozenset("that to what how why whether when his her their its he she they it on in , :".split())
#: verbs whose *out* reports only before what words lay out (:data:`_LAID_OUT`)
_OUT_VERBS = frozenset("laid lays spelled spells".split())
#: what is laid or spelled out when words are (*laid out his case*, not *laid out 40 tables*)
_LAID_OUT = frozenset("""case concerns concern vision argument arguments agenda priorities views view position
proposal proposals reasons reasoning rationale strategy policy policies plan plans platform demands terms""".split())


def _phrasal(toks: list[Token], i: int, low: str) -> tuple | None:
    """Return the words after ``toks[i]`` that make it a phrasal reporting verb (:data:`_PHRASAL`,
    or *made* / *makes* with comments or remarks a word or two after it), or None."""
    if low in ("made", "makes"):
        k = next((k for k in range(1, 4) if i + k < len(toks) and toks[i + k].low in _REMARKS), None)
        if k is not None and all(u.is_word and u.text.islower() for u in toks[i + 1:i + k]):
            return tuple(u.low for u in toks[i + 1:i + k + 1])  # "made similar comments", "made remarks"
    for p in _PHRASAL.get(low, ()):
        if tuple(u.low for u in toks[i + 1:i + 1 + len(p)]) != p:
            continue
        after = toks[i + 1 + len(p):i + 5 + len(p)]
        if p == ("clear",) and not (after and (after[0].low in _CLEAR_BEFORE or after[0].text in QUOTES)):
            continue
        if low in _OUT_VERBS and not any(u.low in _LAID_OUT for u in after):
            continue
        return p
    return None


_FIRST = C.REPORTING_VERBS | C.RULING_VERBS | set(_PHRASAL) | {
    "according", "reportedly", "spoke", "spoken", "called", "asked", "asks", "calls", "calling", "put",
                                               "declined", "refused", "in"}


#: what a party declines to do when its silence is reported (*declined to comment*)
_SILENCE = frozenset("comment say discuss elaborate specify confirm answer respond disclose".split())
_COURT = frozenset("""court courts judge judges justice justices panel jury tribunal magistrate arbitrator
arbitrators commission board regulator regulators ombudsman fact-checker fact-checkers politifact referee
referees umpire umpires""".split())


#: claim nouns that report their owner's words before a *that* clause (*the company's
#: statement that ...*, *a report by the Ledger that ...*): the owner is the source
_CLAIM_OF = frozenset("""claim claims statement statements account accounts assertion assertions report reports
allegation allegations contention""".split())


#: the reports of the last few sentences: resolving a pronoun asks again for those of the
#: sentence before, found just before (sentences come in document order)
_RECENT: Recent = Recent()


#: what a poll that *has* a candidate somewhere reports (*the Quinnipiac poll has Clinton leading*)
_POLL_HEADS = frozenset("poll polls survey average tracker".split())
_STANDING = frozenset("leading ahead trailing behind up down tied winning losing".split())


def _poll_subject(toks: list[Token], i: int) -> list[Token] | None:
    """Return the poll that is the subject of the verb at ``i``: the words from the clause's
    start to the first poll word (*The Real Clear Politics average* [of three polls ...] *has*),
    at most eight words, all of them words; None when the clause has no poll word."""
    start = max((k + 1 for k in range(i) if toks[k].text in CLAUSE_PUNCT or toks[k].text in ".;:"), default=0)
    while start < i and toks[start].low in ("but", "and", "so", "yet"):
        start += 1
    head = next((k for k in range(start, i) if toks[k].low in _POLL_HEADS), None)
    if head is None or head - start >= 8 or not all(u.is_word for u in toks[start:head + 1]):
        return None
    return toks[start:head + 1]


def _standing_after(toks: list[Token], i: int) -> bool:
    """Whether a standing in a race follows *has* at ``i`` within four words (*has Clinton
    leading*, *has her up 5 points*, *has the two tied*)."""
    return any(u.low in _STANDING for u in toks[i + 1:i + 6])


#: *By X's own admission*, *In X's words*, *In X's view*: an opening that gives the sentence as X's
_OWN_WORDS = {"by": (("own", "admission"), ("own", "account"), ("tally",), ("count",), ("own", "tally"),
                     ("own", "count"), ("estimate",), ("calculation",), ("calculations",)),
              "in": (("words",), ("own", "words"), ("view",), ("estimation",))}


def _own_words(toks: list[Token]) -> Report | None:
    """Return the report of an opening *By X's own admission,* / *In X's words,* (X named, with a
    capital; not *his*), which governs the sentence; None for any other opening."""
    names = []
    m = 2 if len(toks) > 2 and toks[1].low == "the" and toks[2].is_cap else 1  # "By the Associated Press's tally"
    while m < len(toks) and toks[m].is_word and toks[m].is_cap and not toks[m].is_possessive and len(names) < 4:
        names.append(toks[m])
        m += 1
    if m >= len(toks) or not toks[m].is_possessive or not toks[m].is_cap:
        return None
    for words in _OWN_WORDS[toks[0].low]:
        k = m + 1 + len(words)
        if k < len(toks) and [u.low for u in toks[m + 1:k]] == list(words) and toks[k].text == ",":
            start = (toks[1] if toks[1].low == "the" else names[0] if names else toks[m]).start
            return Report("named", (toks[0].start, toks[k - 1].end), (start, toks[m].end - 2), True)
    return None


def find_reports(text: str, base: int = 0, toks: list[Token] | None = None) -> list[Report]:
    """Return the reporting cues of one sentence in order, each with what it says of its source
    (``toks``, when given, are ``tokenize(text, base)``, already made)."""
    key = (text, base)
    known = _RECENT.get(key)
    if known is not None:
        return list(known)
    return _RECENT.keep(key, _find_reports(text, base, toks))


def _find_reports(text: str, base: int, toks: list[Token] | None) -> list[Report]:
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
        if low in ("by", "in") and t.is_cap and i == 0 and n > 4:
            rep = _own_words(toks)
            if rep is not None:
                out.append(rep)
                opening = rep
                continue
        if low in ("has", "had") and i > 0 and _standing_after(toks, i):
            subj = _poll_subject(toks, i)
            if subj is not None:
                out.append(_named(subj, (t.start, t.end), False))  # "the Quinnipiac poll has Clinton leading"
                continue
        if low not in _FIRST or (i > 0 and toks[i - 1].low == "than"):
            continue  # "sooner than expected" reports nothing
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            rep = according_to(toks, i)
            if rep is not None:
                out.append(rep)
                if i == 0 and rep.kind == "named":
                    opening = rep
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
                0 < i < n - 1 and toks[i - 1].is_cap and toks[i - 1].is_word
                and (toks[i + 1].is_cap or toks[i + 1].text[:1].isdigit() or toks[i + 1].text in QUOTES)
                and low in _HEADLINE_VERBS and title_case()):
            continue  # reporting verbs are lower case; "States" and "Report" are names
        phrasal = _phrasal(toks, i, low) if low in _PHRASAL else None
        if phrasal:
            # "Rubio fired back", "Bush pointed out that", "The email goes on to say", "Clinton made it clear"
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
    if low == "calling" and toks[i - 1].text not in (",", "—") and _with_absolute(toks, i - 1) is None:
        # "calling" reports only as a participle after a clause (", calling the plan a sham") or
        # in an absolute phrase (", with Lind calling the plan a sham")
        return False
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
