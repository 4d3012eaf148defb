"""A reporting verb and its subject: *Lavrov said*, *the figures showed*, *X, an aide,
said*, participles (*..., saying*), passives with an agent (*as reported by X*), and the
subject of a coordinated or relative clause. :func:`_subject` is the entry point."""
from __future__ import annotations

from .. import cues as C
from .documents import _respondents
from .hedges import _is_year
from .phrases import (MAIN_VERBS, Report, _AUX_VERBS, _BE, _DASHES, _INTRO, _IRREGULAR_PAST, _MAX_SUBJECT, _PEOPLE_LINKS,
    _REPORT_ADVERBS, _TIME_NOUNS, _TIME_WORDS, _clause_start, _cut_at_verb, _has_name, _is_final, _is_nounish,
    _is_predicate_verb, _main_subject, _name_runs, _named, _np_after, _opening_quote, _participle_at, _quoted,
    _span, main_verb_index, tokenize_span)
from .tokens import CLAUSE_PUNCT, QUOTES, Token, is_adverb

_POSTPOSED = frozenset("""said says added adds reported noted notes wrote writes explained explains continued
argued argues insisted warned tweeted recalled conceded acknowledged observed cautioned stressed
emphasized emphasised replied responded countered concluded""".split())


#: adverbs that stand between a subject and its verb (*Carter however said*)
_FALLBACK_AFTER = frozenset("after before while by in when upon".split())
_AUX = frozenset("had has have was were is are will would could can may might should".split())


#: the *be* forms of a progressive report (*is telling*, *isn't saying*, *has been saying*)
_PROGRESSIVE_BE = _BE | frozenset("isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t not".split())
_PROGRESSIVE_AUX = frozenset("has have had hasn't haven't hadn't hasn’t haven’t hadn’t".split())
_PROGRESSIVE_VERBS = frozenset("""saying telling claiming arguing insisting warning suggesting predicting
promising vowing urging denying asserting showing revealing indicating reporting announcing admitting
acknowledging""".split())


#: what a party issues with its words in it (*issued a statement saying*), and the verbs of issuing
_ISSUED_DOCS = frozenset("statement statements release letter note email memo video ad tweet post message".split())
_ISSUING = frozenset("issued released sent put posted published wrote tweeted emailed ran aired".split())


#: participles of a finding: they report only with a document or data subject
_FINDING_ING = frozenset("showing revealing indicating finding".split())
_QUESTION_WORDS = frozenset("whether if why how what when where who".split())


#: reporting forms in -s that are plural nouns after a common noun or adjective (*television shows*)
_NOUN_S = frozenset("shows projects notes lists signals states estimates forecasts reports claims counts cites".split())


#: verbs that characterise what a party said (*described the plan as a mistake*)
_DESCRIBE = frozenset("described describes describing".split())


#: reporting verbs that never modify a noun as participles: before an auxiliary they report a
#: relative clause's gap (*a law that officials say will cost*), not a noun (*the report had*)
_GAP_VERBS = frozenset("said says say told tells argued argues insisted insists warned warns wrote writes".split())


#: modals: a report after one is only a report in the perfect (*may have said*), not a forecast (*may announce*)
_MODALS = frozenset("may might must can should could would will".split())
_REFLEXIVES = frozenset("himself herself itself themselves".split())


#: words after which a base form is a verb (*Allen did suggest*, *officials would not say*)
_NEGATABLE = frozenset("did does do would will has have had".split())
_NEGATED = frozenset("""didn't doesn't won't wouldn't hasn't haven't hadn't didn’t doesn’t won’t wouldn’t hasn’t haven’t
hadn’t""".split())
_DO_MODALS = frozenset("""did does do not didn't doesn't won't wouldn't didn’t doesn’t won’t wouldn’t""".split())


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
    runs = [r for r in _name_runs(toks, j) if r[0].start not in quoted]  # no run opens with I'm or I've
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
        if not _documents(subj, toks, i):
            return None  # "The Fed raised rates, showing its resolve": no report
    if toks[i].low == "claiming" and i + 1 < len(toks) and toks[i + 1].text[:1].isdigit():
        return None  # "claiming 41 percent of the vote": a result, not a claim
    return _named(subj, cue, False)


def _documents(seg: list[Token], toks: list[Token], i: int) -> bool:
    """Whether the subject ``seg`` of the finding verb ``toks[i]`` names a document, or a
    publisher whose finding is a report (*the study found*, *Military Times found*), not a
    discovery (*police found a body*) nor a publisher's plight (*Fox News found itself*) or a
    programme (*the Breitbart News Daily show*)."""
    if any(t.low in C.DOCUMENT_NOUNS for t in seg):
        return True
    return toks[i].low not in C.BASE_FORMS and not (i + 1 < len(toks) and toks[i + 1].low in _REFLEXIVES) \
        and any(t.is_cap and t.low in C.PUBLICATION_HEADS for t in seg)


def _subject(toks: list[Token], i: int) -> Report | None:
    """Return the report made by the verb at token ``i`` with its subject, if it is one."""
    rep = _subject_report(toks, i)
    if rep is not None and i + 1 < len(toks) and toks[i + 1].low in _AUX and toks[i].low in _GAP_VERBS:
        rep = rep._replace(embedded=True, final=False)
    if rep is not None and rep.kind == "named" and _respondents(tokenize_span(toks, rep.source)):
        # "52 percent said": the respondents speak for the poll, which a sentence names elsewhere
        rep = rep._replace(embedded=True, final=False)
    return rep


#: nouns that name a document only before *of* (*the minutes of the July meeting*)
_DOCUMENT_OF = frozenset("minutes".split())


def _opens_sentence(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` opens the sentence or a clause after punctuation: a capital there
    says nothing about a name (*Bankers involved in the sale said*)."""
    return k == 0 or toks[k - 1].text in CLAUSE_PUNCT


#: nouns of a finding or a document that a relative clause can report for (*the inspection,
#: which found*), besides the document nouns
_RESULT_NOUNS = C.DOCUMENT_NOUNS | frozenset("""probe probes count tally test tests experiment experiments
minutes""".split())
#: document nouns that also modify a noun (*research projects*): before a plural at a
#: sentence's end they are a compound, not a subject and its verb
_MODIFYING_DOCS = frozenset(("research",))


#: role nouns of people: *which* does not describe them
_PEOPLE_HEADS = C.ROLE_NOUNS - _RESULT_NOUNS


#: participles that report words whatever follows them (*with officials saying 3 were lost*);
#: others report in an absolute phrase only before a clause (*claiming that*, not *claiming residency*)
_ABSOLUTE_SAYING = frozenset("""saying telling tweeting writing arguing insisting noting warning predicting
estimating adding stating declaring asserting contending explaining acknowledging conceding calling""".split())


#: role nouns that name an organisation, which *which* can describe (*the Chicago Police
#: Department, which reported*), unlike a person (*the senator, which*)
_ORG_HEADS = frozenset("""company companies firm firms bank banks board department ministry ministries government
governments agency agencies union unions court administration commission committee committees campaign
office group groups association council councils organisation organization institute center centre foundation
army military navy media newspaper broadcaster team""".split())


def _names_a_subject(nxt: Token | None) -> bool:
    """Whether the word after a reporting verb opens a clause without *that* with a name as its
    subject (*who claimed Trump was*): a capitalised word that is no month or weekday."""
    return nxt is not None and nxt.is_word and nxt.is_cap and nxt.low not in C.CALENDAR and nxt.low not in C.PRONOUNS


def _object_of_of(toks: list[Token], np: list[Token]) -> bool:
    """Whether ``np`` stands after a name's *of* (*Sen. Ted Cruz of Texas, who*): the place
    the name is from, not the one the relative clause describes (but *no mention of Jeb Bush,
    who* describes Bush)."""
    b = toks.index(np[0])  # np is a slice of toks
    return b > 1 and toks[b - 1].low == "of" and toks[b - 2].is_cap


def _named_before_appositive(toks: list[Token], np: list[Token]) -> list[Token] | None:
    """Return the name an appositive ``np`` describes (*McConnell, now the Senate majority
    leader,*): the noun phrase before the comma that opens it (adverbs such as *now* may stand
    between), when it names someone; else None."""
    b = toks.index(np[0]) - 1  # np is a slice of toks
    while b >= 0 and (is_adverb(toks[b]) or toks[b].low in ("now", "then", "once", "still", "also")):
        b -= 1
    if b < 1 or toks[b].text != ",":
        return None
    name = _antecedent(toks, b + 1)
    return name if name is not None and _has_name(name) and name[-1].low not in _PEOPLE_HEADS else None


def _plural_word(t: Token) -> bool:
    """Whether a word may head a plural subject (*residents*, *officials*, *people*, *police*,
    *fishermen*)."""
    return (t.low.endswith("s") and t.low not in ("its", "his", "this", "us") and not t.is_possessive
            or t.low in ("data", "people", "police", "children", "staff") or t.low.endswith("men") and t.text.islower())


def _plural_before_aside(toks: list[Token], i: int, j: int) -> bool:
    """Whether a base-form verb at ``i`` after a comma or dash at ``j`` has a plural subject
    before the aside that the mark closes (*The residents, who signed a petition, say*; *Local
    residents -- more than 4,000 of whom signed -- say*)."""
    if not (toks[j].text == "," or toks[j].text in _DASHES):
        return False
    subj = _main_subject(toks, i, at_end=True)
    if not subj:
        return False
    head = subj[:next((k for k, t in enumerate(subj) if t.text == "," or t.text in _DASHES), len(subj))]
    head = head[:next((k for k, t in enumerate(head) if k and t.low in C.PREPOSITIONS), len(head))]
    return bool(head) and _plural_word(head[-1])  # "Critics of the plan, ..., argue": critics


def _with_absolute(toks: list[Token], j: int) -> list[Token] | None:
    """Return the subject of an absolute phrase that ends at ``j`` before a participle (*...,
    with former Gov. Martin Lind calling*, *..., with officials saying*): the words after a
    *with* that opens a clause (after a comma or a dash), when they name a party and hold no
    verb; else None."""
    w = next((m for m in range(j, max(-1, j - 8), -1) if toks[m].low == "with"), None)
    if w is None or w == j or w == 0 or not (toks[w - 1].text == "," or toks[w - 1].text in _DASHES):
        return None
    np = toks[w + 1:j + 1]
    if not all(t.is_word or t.text == "." for t in np) or np[0].low in C.PRONOUNS or np[0].low in C.VAGUE_SUBJECTS:
        return None
    if not _has_name(np) or main_verb_index(np) is not None:
        return None
    return np


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


def _subject_segment(toks: list[Token], k: int, j: int, head: Token, relative: bool) -> list[Token]:
    """Return the subject from token ``k`` to ``j``, without opening conjunctions and skippable
    words; a long preamble keeps only the noun phrase that ends at ``head``, unless the
    subject is a relative clause's or a document's (*a report by ... of ...*)."""
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
    return seg


def _verb_can_report(toks: list[Token], i: int) -> bool:
    """Whether the reporting word at ``i`` is used as a verb that reports words: not a noun
    (*the claims*, *Amid claims that*), an infinitive, a market verb before a figure, an act
    (*declared X a pandemic*), a clause verb without its clause or a quote verb away from a
    quotation."""
    low = toks[i].low
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.low in ("no", "yes") and i + 2 < len(toks) and toks[i + 2].low == "to":
        return False  # "He said no to the war": a refusal, not a report
    if low in C.SPEECH_ACT_VERBS and (nxt is None or nxt.text in (".", ";", ",")) and i > 1 and toks[i - 1].is_cap \
            and any(toks[k].low in ("that", "which") for k in range(max(0, i - 5), i - 1)):
        return False  # "the services that Mr. Sanders demanded.": what was demanded, no words reported
    if low in ("called", "calls") and nxt is not None and (nxt.text[:1].isdigit() or nxt.low in _NOT_SPEECH_CALL
                                                          or any(u.low in _NOT_SPEECH_CALL for u in toks[i + 2:i + 4])):
        return False  # "called off the talks", "called 911", "called the police": no words reported
    if low in ("called", "calls") and _names_or_phones(toks, i):
        return False  # "a group called Citizens for Ruiz", "the aide called Ortiz, who": no words
    if low == "puts" and not any(t.low == "at" and _figure_after(toks, m)
                                 for m, t in enumerate(toks[i + 1:i + 16], i + 1)):
        return False  # only "the poll puts her approval at 50 percent" reports a figure
    if i > 0:
        before = toks[i - 1]
        floating = before.low in ("both", "all", "each") and i > 1 and (toks[i - 2].is_cap or toks[i - 2].low.endswith("s"))
        if low in C.NOUN_LIKE_VERBS and not low.endswith("ing") and (
                before.low in C.PREPOSITIONS - {"by"} or before.low in ("amid", "despite")):
            return False  # "Amid claims that ...": a noun with no claimant (agentless)
        # "a poll that shows": *that* is the relative pronoun of a document's finding, no determiner
        finding = before.low == "that" and i > 1 and toks[i - 2].low in C.DOCUMENT_NOUNS and low in C.FINDING_VERBS
        if (before.low in C.DETERMINERS and not floating and not finding) or before.is_possessive \
                or (before.low == "to" and not _continues_to(toks, i)) or (
                low in C.NOUN_LIKE_VERBS and before.text[:1].isdigit()):
            return False  # a noun (the claims, Japan's alleged) or an infinitive (refused to tell), not "X and Y both said"
    if nxt is not None:
        if low in C.NOUN_LIKE_VERBS and nxt.low in ("of", "by", "on", "from", "that"):
            if nxt.low != "that" or (i > 0 and toks[i - 1].low in C.DETERMINERS):
                return False
        if low in C.MARKET_VERBS and (nxt.text[0].isdigit() or nxt.low == "to"):
            return False
    if low in ("declared", "declares") and nxt is not None and nxt.low not in ("a", "an", "that") and nxt.is_word \
            and nxt.low not in C.PREPOSITIONS and any(toks[m].low in ("a", "an") and all(
                u.is_word and u.low not in _AUX_VERBS and u.low not in _BE for u in toks[i + 1:m])
                for m in range(i + 2, min(len(toks), i + 5))):
        return False  # "declared COVID-19 a pandemic": an act, not a report
    ends = nxt is None or nxt.text in ".!?"  # "..., the study concluded."
    as_clause = _in_as_clause(toks, i)
    if (low in C.CLAUSE_VERBS or low in C.THAT_VERBS) and not ends and not as_clause \
            and not _opens_clause(toks, i, low in C.THAT_VERBS) \
            and not (low in ("added", "adds") and _added_words(toks, i)) \
            and not (low in ("indicates", "indicated") and nxt is not None and nxt.low in ("a", "an")):
        return False
    if low in C.QUOTE_VERBS and not _next_to_quotation(toks, i):
        return False  # "the talks continued", "adding to his lead": no words reported
    return True


#: verbs after which an infinitive of saying reports what their subject says (*continues to insist*)
_CONTINUE = frozenset("continues continued continue keeps kept".split())


def _continues_to(toks: list[Token], i: int) -> bool:
    """Whether the verb at ``i`` is an infinitive after *continues to* (*continues to insist that*)."""
    return i >= 3 and toks[i - 1].low == "to" and toks[i - 2].low in _CONTINUE and toks[i].low in C.BASE_FORMS


#: what follows *called* when it reports no words (a particle, an emergency call, a vote or meeting called)
_NOT_SPEECH_CALL = frozenset("""off up in back out away home over around police cops ambulance election elections
vote meeting meetings session hearing strike halt timeout""".split())


def _names_or_phones(toks: list[Token], i: int) -> bool:
    """Whether *called* at ``i`` names something (*a group called Citizens for Ruiz*: after a
    common noun) or is a call to someone (*called Ortiz,*: a name and then punctuation or a
    preposition, with nothing said of them)."""
    before = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if before is not None and before.is_word and before.text.islower() and before.low not in C.PRONOUNS \
            and before.low not in _AUX and not is_adverb(before) and nxt is not None \
            and (nxt.is_cap or nxt.text in QUOTES):
        return True  # "a group called Citizens for Ruiz", "a plan called "Fair Share""
    m = i + 1
    while m < len(toks) and toks[m].is_cap and toks[m].is_word:
        m += 1
    if m > i + 1 and _appositive_then_verdict(toks, m):
        return False  # "called Clinton, his rival, a danger": words said of the one named
    return m > i + 1 and (m >= len(toks) or not toks[m].is_word or toks[m].low in C.PREPOSITIONS)


#: what opens an appositive after a name (*Clinton, his rival,*)
_APPOSITIVE_OPENERS = frozenset("his her their its the a an".split())


def _appositive_then_verdict(toks: list[Token], m: int) -> bool:
    """Whether a comma at ``m`` opens an appositive of at most six words (*, his rival,*) that
    a noun phrase or a quotation follows (*a danger*, *"a disgrace"*): what the one named was
    called."""
    if m + 1 >= len(toks) or toks[m].text != "," or toks[m + 1].low not in _APPOSITIVE_OPENERS:
        return False
    close = next((k for k in range(m + 2, min(len(toks), m + 9)) if not toks[k].is_word), None)
    if close is None or toks[close].text != "," or close + 1 >= len(toks):
        return False
    after = toks[close + 1]
    return after.text in QUOTES or after.low in ("a", "an", "the") or (after.is_word and after.text[:1].isupper()
                                                                       and after.low not in C.PRONOUNS)


def _figure_after(toks: list[Token], m: int) -> bool:
    """Whether a figure follows ``toks[m]`` within three words, none of them a preposition
    (*at a solid 50 percent*, *at $3 billion*; not *at risk in 2 games*)."""
    for u in toks[m + 1:m + 4]:
        if u.text[:1].isdigit() or u.text[:1] in "$€£":
            return True
        if (u.low in C.PREPOSITIONS and u.low not in _ROUGHLY_WORDS) or not u.is_word:
            return False
    return False


#: approximators that may stand between *at* and a figure (*puts growth at about 3 percent*)
_ROUGHLY_WORDS = frozenset("about around nearly roughly some just over under almost approximately".split())


def _added_words(toks: list[Token], i: int) -> bool:
    """Whether *added* at ``i`` adds words, not a thing: a comma or dash after it (*she added,
    citing*), a colon or quotation close after it (*added a caveat: "..."*, *added about
    Carson: "..."*), or a time or place phrase after it (*Trump added during his appearance*);
    not *the state had added the week*, *the sound system added Latin hits*."""
    nxt = toks[i + 1]
    if nxt.text in (",", ";", "—", "–", "-") or nxt.low in ("during", "later", "afterwards", "afterward", "in", "on", "at"):
        return True
    return any(t.text == ":" or _opening_quote(toks, m) for m, t in enumerate(toks[i + 1:i + 7], i + 1))


#: words that belong to a figure before its noun: scale and unit (*$8.2 billion*, *3.1 percent*)
_FIGURE_WORDS = frozenset("thousand million billion trillion mln bln percent per cent pct % dollars dlrs".split())


def _after_figure(seg: list[Token], nxt: Token | None) -> list[Token] | None:
    """Return the reporter of a figure whose relative clause has lost its object (*short of the
    $8.2 billion analysts had expected.*, *the 3.1 percent economists forecast,*): the words after
    the figure, when the verb ends its clause, the figure follows *the* or *a*, and those words
    are a short phrase that does not open with a preposition; else None (*a $5 billion bond fund
    said it*)."""
    if nxt is not None and nxt.text not in (",", ";", ".", "!", "?"):
        return None  # the verb has its object (a clause, a quotation): no gap
    f = max((m for m, t in enumerate(seg) if any(ch.isdigit() for ch in t.text)), default=None)
    if f is None or _is_year(seg[f]):
        return None  # "A 2014 House committee report found,": a year describes the subject
    b = f - 1
    while b >= 0 and seg[b].text in ("$", "€", "£", "¥"):
        b -= 1
    if b < 0 or seg[b].low not in ("the", "a", "an"):
        return None
    m = f + 1
    while m < len(seg) and seg[m].low in _FIGURE_WORDS:
        m += 1
    rest = seg[m:]
    if not rest or len(rest) > 6 or rest[0].low in C.PREPOSITIONS \
            or any(not t.is_word or t.text[:1].isdigit() for t in rest):
        return None  # "the $8.2 billion in sales": the figure's own phrase goes on
    return rest


def _subject_report(toks: list[Token], i: int) -> Report | None:
    verb = toks[i]
    low = verb.low
    cue = (verb.start, verb.end)
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if not _verb_can_report(toks, i):
        return None
    ends = nxt is None or nxt.text in ".!?"  # "..., the study concluded."
    gap = False
    if nxt is not None and nxt.low in _AUX:
        if low not in _GAP_VERBS or i == 0 or not toks[i - 1].is_word:
            return None  # "the Mueller report had been finalized": a noun
        # "which officials said will take effect": the report of a relative clause whose
        # subject is the gap; the source is the noun phrase right before the verb
        gap = True
    j = i - 1
    if _continues_to(toks, i):
        j = i - 3  # "Trump continues to insist that": the subject of *continues*
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
                                    or _continues_to(toks, i)
                                    or (i > 1 and toks[i - 1].low == "only" and toks[i - 2].low in ("would", "did", "will"))
                                    or _respondents(toks[_clause_start(toks, j):j + 1]) or any(
            _plural_word(t) for t in toks[_clause_start(toks, j):j + 1])
                                    or _plural_before_aside(toks, i, j)):
        return None  # "the Mueller report", "a Reuters report": nouns
    if j >= 2 and toks[j - 1].low in ("in", "on") and toks[j - 2].low == "who" \
            and (_is_year(head) or head.low in C.CALENDAR):
        j -= 2  # "McConnell, who in 2010 said": the time phrase between the pronoun and its verb
        head = toks[j]
    if head.low == "who" and j > 1 and toks[j - 1].text == ",":
        # "McConnell, who said ...": a non-restrictive clause about a named person reports what
        # that person said (not "A woman who has accused X ... said": no comma, and the verb is not its)
        np = _antecedent(toks, j)
        if np is not None and _object_of_of(toks, np):
            np = None  # "Sen. Ted Cruz of Texas, who has blasted": not Texas
        if np is not None and np[-1].low in _PEOPLE_HEADS:
            np = _named_before_appositive(toks, np) or np  # "McConnell, now the majority leader, who said"
        if np is not None and _has_name(np) and np[-1].low not in _PEOPLE_HEADS \
                and not any(u.low in ("of", "for") for u in np) \
                and (ends or _opens_clause(toks, i, False) or low in ("told", "tells")
                     or low in ("said", "says", "wrote", "writes") and nxt is not None and nxt.low in C.DETERMINERS
                     or _names_a_subject(nxt)):
            return Report("named", cue, _span(np), False, True)
        return None
    if head.low in ("who", "which", "that") and j > 0:
        # "the findings of the audit, which said it ...", "the data, which showed": the noun phrase
        # a non-restrictive relative clause describes, when it names a document or a party (only
        # when the sentence has no report of its own). Not a restrictive "that" clause ("Cruz
        # pointed to a poll that shows": PolNeAR gives Cruz), nor "A woman who has accused X ... said"
        np = _antecedent(toks, j) if head.low == "which" and toks[j - 1].text == "," else None
        if np is None and head.low in ("that", "which") and low in C.FINDING_VERBS and toks[j - 1].is_word:
            # "a 2023 report that found $800,000 ...": a document's finding, restrictive or not
            np = _antecedent(toks, j)
            if np is not None and np[-1].low not in C.DOCUMENT_NOUNS:
                np = None
        if np is not None and (np[-1].low in _RESULT_NOUNS or _has_name(np) and (np[-1].low not in _PEOPLE_HEADS
                                                                                or np[-1].low in _ORG_HEADS)) \
                and (low in C.FINDING_VERBS or ends or _opens_clause(toks, i, False)
                     or nxt is not None and nxt.text[:1].isdigit()):
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
    if low in _NOUN_S and head.is_word and head.text.islower() \
            and (head.low not in C.ROLE_NOUNS or head.low in _MODIFYING_DOCS) \
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
    if ing and head.is_word and head.low not in _FALLBACK_AFTER and (low in _ABSOLUTE_SAYING
                                                                    or _opens_clause(toks, i, False)):
        absolute = _with_absolute(toks, j)
        if absolute is not None:
            return _named(absolute, cue, False)  # "..., with officials saying 3 ballots were lost"
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
                                      for m in range(j - len(short) + 1, j + 1)):
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
    seg = _subject_segment(toks, k, j, head, relative)
    after = _after_figure(seg, nxt)
    if after is not None:
        seg = after  # "short of the $8.2 billion analysts had expected.": the analysts
    if not seg or not (_has_name(seg) or loose):
        return None
    if low in C.FINDING_VERBS and not _documents(seg, toks, i) and not (
            (ends or nxt.low == "that") and _has_name(seg)):
        return None  # "police found a body" is a discovery, not a report
    v = main_verb_index(seg)
    if v is not None and low in C.NOUN_LIKE_VERBS and not any(t.low in ("and", "but") for t in seg[v:]):
        return None  # "X rejected Japanese claims that ...": an object noun, not a verb
    if v is not None and len(seg) - v > 8 and not any(t.low in ("and", "but") for t in seg[v:]):
        return None  # a whole clause before the verb: no subject of it
    return _named(seg, cue, final_position)
