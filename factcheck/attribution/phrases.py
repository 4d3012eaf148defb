"""The parts of a sentence every attribution construction looks at: noun phrases and names,
clause bounds, verbs of the main clause, appositives and quotations.

Functions here take a sentence's tokens (:mod:`factcheck.attribution.tokens`) and an index,
and return indices, token lists or a :class:`Report`; the constructions built on them are in
:mod:`.subject` (a reporting verb and its subject), :mod:`.according` (*according to X*),
:mod:`.documents` (documents, polls, claims with their owner) and :mod:`.source`, which runs
them all over a sentence.
"""
from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter
from typing import NamedTuple

from .. import cues as C
from .tokens import CLAUSE_PUNCT, NOT_ADVERBS, QUOTES, Token, is_adverb

_BE = frozenset("is was were are been be being am".split())


#: words after an appositive's comma that start a new clause, not more of the source
_APPOS_STOP = frozenset("and but according adding saying noting arguing referring explaining while although".split())
_MAX_SUBJECT = 14


#: adverbs between a subject and its reporting verb (*has long said*, *has since said*)
_REPORT_ADVERBS = frozenset("long since just both all first may might must can should always twice ever only".split())


#: words in *-ing* that open a title, not a participle (*acting political director*)
_TITLE_ING = frozenset("acting leading ranking managing presiding founding outgoing incoming visiting sitting reigning".split())


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


#: words that open a sentence capitalised and never begin a name (*And the message is ...*, *Just
#: yesterday he urged ...*)
_OPENING_WORDS = frozenset("""and or nor just only not plus thus hence perhaps maybe there here what how why
whether either neither yes no well indeed besides consider like""".split())


def _pronoun(t: Token) -> bool:
    """Whether a word is a pronoun, not a name: *he*, *I*, and *I'm*, *I've* with their verb."""
    return t.low in C.PRONOUNS or t.low.startswith(("i'", "i’"))


def _name_runs(toks: list[Token], limit: int) -> list[list[Token]]:
    """Return the names in subject position before token ``limit``: capitalised runs not right
    after a preposition, nor opened by one (*In New York, ...*), nor a place set off after such an
    object (*in Portland, Maine,*) (a possessive name counts anywhere: *Following May's meeting*),
    skipping the sentence's first word when it is a common word (*And*, *Just*) and month or day
    names; a pronoun left after that first word (*And I*) is no name."""
    runs: list[list[Token]] = []
    k = 0
    object_end = -9  # the last token of the last name read as an object
    while k < limit:
        t = toks[k]
        if not (t.is_word and t.is_cap) or _pronoun(t):
            k += 1
            continue
        m = k
        while m + 1 < limit and toks[m + 1].is_word and (toks[m + 1].is_cap or (
                toks[m + 1].low in ("of", "for", "de", "van", "von", "al") and m + 2 < limit and toks[m + 2].is_cap)):
            if toks[m].is_possessive:
                break
            m += 1
        run = toks[k:m + 1]
        opens = k == 0 or all(not x.is_word for x in toks[:k])  # "(On Monday he said", "“Under the plan"
        before = toks[k - 1].low if k > 0 else ""
        before2 = toks[k - 2].low if k > 1 else ""
        # "with Wilders", "of the EU": objects, not subjects; so is "Maine" in "in Portland, Maine"
        is_object = before in C.PREPOSITIONS or (before in C.DETERMINERS and before2 in C.PREPOSITIONS) \
            or (before == "," and object_end == k - 2 and (m + 1 >= len(toks) or not toks[m + 1].is_word))
        if opens and (run[0].low in C.SKIPPABLE or run[0].low in C.DETERMINERS or run[0].low in C.CLAUSE_WORDS
                       or run[0].low in C.PREPOSITIONS or run[0].low in _OPENING_WORDS
                       or run[0].low.endswith(("ing", "ly"))):
            # "In New York, ...": the preposition's object is no subject either
            is_object = is_object or run[0].low in C.PREPOSITIONS
            run = run[1:]
            while run and _pronoun(run[0]):
                run = run[1:]  # "And I said", "And I've spent": a pronoun names no one
        run = [u for u in run if u.low not in C.CALENDAR] if all(u.low in C.CALENDAR for u in run[:1]) else run
        if is_object:
            object_end = m
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


#: the head of a subject that is a share of the people asked, not a party: *73 percent said*,
#: *a majority of voters say* (a poll's respondents; the poll, if named, is the source)
_SHARE_HEADS = frozenset("percent pct % majority plurality minority half third thirds quarter quarters fifth fifths".split())


def _share_of_people(seg: list[Token]) -> bool:
    """Whether a subject is a share of people (*Another 19 percent*, *52% of voters*, *a
    majority of those polled*): its words before any *of* end on a share."""
    head = next((seg[:k] for k, t in enumerate(seg) if t.low == "of"), seg)
    if len(head) >= 3 and head[-2].low == "in" and head[-1].text.isdigit() and head[-3].low[:1].isalnum():
        return True  # "About 3 in 10", "Nearly four in 10 say"
    return bool(head) and head[-1].low.split("-")[-1] in _SHARE_HEADS  # "52%", "Two-thirds of voters"


#: words before *polls* that leave them unnamed (*New polls show*, *Exit polls told*)
_GENERIC_POLLS = frozenset("""new recent latest national state early most many several some other the these
those public private internal online two three both polls surveys""".split())


def _named_poll_in(seg: list[Token]) -> list[Token] | None:
    """Return the named poll a share of people answered (*in a recent CBS News poll*): the words
    after *in* up to *poll* or *survey*, when one of them is capitalised; else None."""
    for k, t in enumerate(seg):
        if t.low in ("poll", "survey") and k > 1:
            start = max((m for m in range(k) if seg[m].low in ("in", "by")), default=None)
            if start is not None and any(u.is_cap for u in seg[start + 1:k]):
                return seg[start + 1:k + 1]
    return None


#: phrases that link a sentence to the one before (*For instance, calls to ...*): never a source
_LINKING_PHRASES = frozenset(("for instance", "for example", "in addition", "in fact", "of course", "in turn",
                              "in short", "by contrast", "in contrast", "as a result", "after all"))


#: adverbs a title-case headline capitalises before its verb (*X Just Announced*, *Y Also Says*)
_HEADLINE_ADVERBS = frozenset("just also finally already officially quietly reportedly".split())


def _named(seg: list[Token], cue: tuple[int, int], final: bool) -> Report:
    while len(seg) > 1 and seg[0].low in ("and", "but", "or", "so"):
        seg = seg[1:]  # "..., and Lind, the mayor, said"
    if " ".join(t.low for t in seg) in _LINKING_PHRASES:
        return Report("unresolved", cue, None, final)
    # a headline's capitalised adverb before its verb (*Rick Perry Just Announced*) ends no name
    while seg and seg[-1].is_cap and seg[-1].low in _HEADLINE_ADVERBS:
        seg = seg[:-1]
    if not seg:
        return Report("unresolved", cue, None, final)
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
    poll = _named_poll_in(seg) if _share_of_people(seg) else None
    if poll is not None:
        return Report("named", cue, _span(poll), final)  # "78 percent of voters in a CBS News poll said"
    if _share_of_people(seg) or (seg[-1].low in ("polls", "surveys") and len(seg) <= 3
                                 and all(u.low in _GENERIC_POLLS for u in seg[:-1])):
        # "73 percent said", "Polls show": the people asked, or polls in general, are no source
        # and no hedge either (a poll's figure is what it found): the claim is the writer's
        return Report("unresolved", cue, None, final)
    if (seg[0].low in C.VAGUE_SUBJECTS and not specific) or (seg[-1].low in C.VAGUE_SUBJECTS and len(seg) <= 2) \
            or (len(seg) == 1 and seg[0].low in ("reports", "report", "rumours", "rumors", "media")):
        return Report("agentless", cue, None, final)  # "some critics", "Reports suggest"
    if len(seg) == 2 and seg[0].low in ("the", "this", "that") and seg[1].low in C.DOCUMENT_NOUNS:
        return Report("anaphor", cue, _span(seg), final)
    return Report("named", cue, _span(seg), final)


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


def _opening_quote(toks: list[Token], m: int) -> bool:
    """Whether the token at ``m`` opens a quotation: a curly opening mark, or a straight mark
    after an even number of quotation marks."""
    t = toks[m].text
    if t in "“‘«":
        return True
    if t in "”’»" or t not in QUOTES:
        return False
    return sum(u.text in ('"', "'") for u in toks[:m]) % 2 == 0


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
    rel = next((k for k, t in enumerate(piece) if k > 0 and t.low in ("who", "whose", "which", "that", "whom")),
               len(piece))  # "many of whom signed a petition": the verb is the relative clause's
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


_start = attrgetter("start")


def tokenize_span(toks: list[Token], se: tuple[int, int]) -> list[Token]:
    """Return the tokens of ``toks`` inside the offsets ``se``."""
    k = bisect_left(toks, se[0], key=_start)
    out = []
    while k < len(toks) and toks[k].end <= se[1]:
        out.append(toks[k])
        k += 1
    return out


_text = attrgetter("text")
#: the tokens that can open or close a quotation for :func:`_quoted`
_QUOTE_MARKS = frozenset(('"', "“", "”", "'"))


def _quoted(toks: list[Token]) -> set[int]:
    """Return the start offsets of the tokens inside closed quotations: curly marks in pairs,
    straight double marks and doubled apostrophes (*''...''*) toggling."""
    inside: set[int] = set()
    if _QUOTE_MARKS.isdisjoint(map(_text, toks)):
        return inside  # most sentences quote nobody: no need to walk them
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


def _title_case(toks: list[Token]) -> bool:
    words = [t for t in toks if t.is_word and t.text[:1].isalpha()]
    return len(words) >= 4 and sum(t.is_cap for t in words) >= 0.7 * len(words)
