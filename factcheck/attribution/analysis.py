"""One pass of the cue rules over a sentence: every cue found, and the source decision.

Both the rule baseline and the trained classifier start from this: the baseline turns it
into labels directly, the classifier into features.
"""
from __future__ import annotations

from typing import NamedTuple

from ..types import SentenceInput
from .hedges import contested_cues, estimated_cues
from .resolution import SourceFinding, resolve
from .source import find_reports
from .tokens import Token, tokenize


class Analysis(NamedTuple):
    """The cues of one sentence as ``(label, kind, start, end)`` (offsets into the document),
    its tokens, and how its source was found."""

    cues: tuple[tuple[str, str, int, int], ...]
    tokens: tuple[Token, ...]
    finding: SourceFinding

    def fired(self, label: str) -> bool:
        """Whether the rules put ``label`` on the sentence."""
        return any(c[0] == label for c in self.cues)


def analyse(si: SentenceInput) -> Analysis:
    """Return the cues and the source decision for one sentence (reads, never changes, ``si``)."""
    toks = tokenize(si.text, si.start)
    hits = list(estimated_cues(toks))
    hits += contested_cues(toks)
    finding = resolve(si, find_reports(si.text, si.start, toks))
    if finding.source is not None and finding.cue is not None:
        hits.append(("sourced", finding.how, finding.cue.start, finding.cue.end))
    elif finding.how == "agentless" and finding.cue is not None:
        # an agentless report names no source but hedges the claim (spec section 2)
        if not any(h[2] <= finding.cue.start < h[3] for h in hits):
            hits.append(("estimated", "agentless", finding.cue.start, finding.cue.end))
    hits.sort(key=lambda h: (h[2], h[3]))
    return Analysis(tuple(hits), tuple(toks), finding)
