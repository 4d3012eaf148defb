"""*According to X*: X is the source, and governs the whole sentence when the phrase opens
or closes it; *according to reports* names no one."""
from __future__ import annotations

from .phrases import Report, _has_name, _named, _np_after, _source_tail, _trim_document
from .tokens import Token

_AGENTLESS_NPS = frozenset("reports report media rumours rumors unconfirmed local some sources".split())


def according_to(toks: list[Token], i: int) -> Report | None:
    """Return the report of *according to X* at ``i`` (``toks[i]`` is *according*): X as a
    named source, governing the whole sentence when the phrase opens or closes it, or an
    agentless report for *according to reports*; None without a noun phrase after it."""
    np = _np_after(toks, i + 2)
    if not np:
        return None
    cue = (toks[i].start, toks[i + 1].end)
    if np[0].low in _AGENTLESS_NPS and not _has_name([u for u in np[1:] if u.low not in _AGENTLESS_NPS]):
        # "according to reports in the news media": the media in general name no one
        return Report("agentless", cue, None)
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
    return rep
