"""The terminal review screen: one claim at a time in its document context, a key per rating.

:class:`ReviewSession` is the loop without a screen (lease, rate, skip, undo, counts);
:func:`build_app` puts a prompt_toolkit screen over it. Keys: ``1``..``9`` rate (the scale's
order), ``n`` note, ``e`` evidence URL, ``l`` corrected label, ``s`` skip, ``u`` undo the last
verdict, ``q`` quit. A note, URL or label is typed on the bottom line and kept with Enter.
"""
from __future__ import annotations

from ..errors import FactcheckError
from ..types import PRIMARY_LABELS
from .store import Queue

_LABEL_KEYS = {lab[0]: lab for lab in PRIMARY_LABELS}  # c, e, s, u


class ReviewSession:
    """A reviewer's pass over the queue: the claim on screen, what they typed for it, and counts."""

    def __init__(self, queue: Queue, reviewer: str, *, order: str = "priority"):
        self.queue = queue
        self.reviewer = queue.reviewer(reviewer).name  # NotFoundError for an unknown name, before any screen
        self.order = order
        self.ratings = queue.scale.names()
        self.current: dict | None = None
        self.skipped: list[str] = []
        self.reviewed = 0
        self.message = ""
        self._clear()
        self.advance()

    def _clear(self) -> None:
        self.note: str | None = None
        self.evidence: list[str] = []
        self.label: str | None = None

    @property
    def claim_id(self) -> str | None:
        return self.current["claim"]["claim_id"] if self.current else None

    def left(self) -> int:
        """Return how many claims still wait for a review (pending or in review)."""
        return self.queue.count_items(status="pending") + self.queue.count_items(status="in_review")

    def advance(self) -> None:
        """Lease the next claim (none that this pass skipped) and show it."""
        self._clear()
        self.current = self.queue.next_claim(self.reviewer, order=self.order, exclude=self.skipped)
        if self.current is None:
            self.message = "Nothing left to review. Press q to quit."

    def rate(self, index: int) -> dict | None:
        """Record the rating at ``index`` of the scale for the claim on screen; return the verdict."""
        if self.current is None or not 0 <= index < len(self.ratings):
            return None
        verdict = self.queue.record_verdict(self.claim_id, self.reviewer, self.ratings[index], label=self.label,
                                            note=self.note, evidence=self.evidence)
        self.reviewed += 1
        self.message = f"Saved: {self.ratings[index]} (verdict {verdict['verdict_id']})"
        self.advance()
        return verdict

    def skip(self) -> None:
        """Give the claim back and go on to the next one."""
        if self.current is not None:
            self.queue.release(self.claim_id, self.reviewer)
            self.skipped.append(self.claim_id)
            self.message = "Skipped."
        self.advance()

    def undo(self) -> dict | None:
        """Retract the reviewer's last verdict and show that claim again."""
        retraction = self.queue.undo_last(self.reviewer)
        if retraction is None:
            self.message = "Nothing to undo."
            return None
        if self.current is not None:
            self.queue.release(self.claim_id, self.reviewer)
        self.reviewed = max(0, self.reviewed - 1)
        self._clear()
        self.current = self.queue.get_claim(retraction["claim_id"], reviewer=self.reviewer)
        self.message = f"Undone: verdict {retraction['supersedes']}. Rate this claim again."
        return retraction

    def set_note(self, text: str) -> None:
        self.note = text.strip() or None

    def add_evidence(self, url: str) -> None:
        if url.strip():
            self.evidence.append(url.strip())

    def set_label(self, text: str) -> None:
        """Set the corrected label from its name or first letter; an unknown one is refused."""
        text = text.strip().lower()
        label = _LABEL_KEYS.get(text, text) if text else None
        if label is not None and label not in PRIMARY_LABELS:
            self.message = f"Label {text!r} is not one of: {', '.join(PRIMARY_LABELS)}"
            return
        self.label = label

    def quit(self) -> None:
        """Give back the claim on screen."""
        if self.current is not None:
            self.queue.release(self.claim_id, self.reviewer)


def claim_fragments(session: ReviewSession) -> list[tuple[str, str]]:
    """Return the screen as prompt_toolkit (style, text) fragments."""
    s = session
    out = [("class:title", f" factcheck review · {s.queue.path.name} · {s.reviewer} "),
           ("", f"  {s.reviewed} reviewed this session · {s.left()} left\n\n")]
    if s.current is None:
        return out + [("class:message", s.message + "\n")]
    claim, cur = s.current["claim"], s.current
    model = cur.get("model")
    head = f"doc {cur['context']['doc_id']} · status {cur['status']}"
    if model:
        score = (model.get("scores") or {}).get(model.get("label") or "", None)
        head += f" · model: {model.get('label')}" + (f" ({score:.2f})" if isinstance(score, (int, float)) else "")
    else:
        head += " · blind review: the model's label is hidden"
    out.append(("class:meta", head + "\n\n"))
    for rec in cur["context"]["before"]:
        out.append(("class:context", rec["text"] + "\n"))
    # the claim stands out without colour too: its own paragraph, marked
    out += [("", "\n"), ("class:marker", "▶ ")] + _highlighted(claim) + [("", "\n\n")]
    for rec in cur["context"]["after"]:
        out.append(("class:context", rec["text"] + "\n"))
    facets = [f"{f['kind']}={f.get('value')}" + (f" {f['unit']}" if f.get("unit") else "")
              for f in claim.get("facets") or ()]
    if facets:
        out.append(("class:meta", "\nfacets: " + " · ".join(facets) + "\n"))
    if claim.get("source"):
        src = claim["source"]
        out.append(("class:meta", f"source: {src.get('text') if isinstance(src, dict) else src}\n"))
    typed = [f"note: {s.note}" if s.note else "", f"evidence: {', '.join(s.evidence)}" if s.evidence else "",
             f"label: {s.label}" if s.label else ""]
    if any(typed):
        out.append(("class:typed", "\n" + "   ".join(t for t in typed if t) + "\n"))
    keys = "  ".join(f"[{i + 1}] {name}" for i, name in enumerate(s.ratings[:9]))
    out.append(("class:keys", f"\n{keys}\n[n]ote [e]vidence [l]abel [s]kip [u]ndo [q]uit\n"))
    if s.message:
        out.append(("class:message", s.message + "\n"))
    return out


def _highlighted(claim: dict) -> list[tuple[str, str]]:
    """Return the claim's text with facets and cues marked, by their document offsets."""
    text, base = claim["text"], int(claim.get("start") or 0)
    marks = [0] * len(text)
    for kind, spans in ((1, claim.get("facets") or ()), (2, claim.get("cues") or ())):
        for span in spans:
            try:
                lo, hi = int(span["start"]) - base, int(span["end"]) - base
            except (KeyError, TypeError, ValueError):
                continue
            for i in range(max(lo, 0), min(hi, len(text))):
                marks[i] |= kind
    styles = {0: "class:claim", 1: "class:claim class:facet", 2: "class:claim class:cue",
              3: "class:claim class:facet class:cue"}
    out: list[tuple[str, str]] = []
    for ch, mark in zip(text, marks):
        if out and out[-1][0] == styles[mark]:
            out[-1] = (out[-1][0], out[-1][1] + ch)
        else:
            out.append((styles[mark], ch))
    return out


def build_app(session: ReviewSession, *, input=None, output=None):
    """Return the prompt_toolkit Application over a session (``input``/``output`` for tests)."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl
    from prompt_toolkit.styles import Style
    from prompt_toolkit.widgets import TextArea

    state = {"field": None}  # which thing the bottom line is typing: note, evidence or label
    prompts = {"note": "note> ", "evidence": "evidence URL> ", "label": "label (c/e/s/u)> "}
    typing = Condition(lambda: state["field"] is not None)

    def accept(buffer) -> bool:
        field, text = state["field"], buffer.text
        if field == "note":
            session.set_note(text)
        elif field == "evidence":
            session.add_evidence(text)
        elif field == "label":
            session.set_label(text)
        state["field"] = None
        app.layout.focus(body)
        return False  # clears the line

    line = TextArea(multiline=False, accept_handler=accept, get_line_prefix=lambda *_: prompts.get(state["field"], ""))
    body = Window(FormattedTextControl(lambda: claim_fragments(session), focusable=True), wrap_lines=True)
    kb = KeyBindings()
    idle = ~typing

    def act(fn):
        try:
            fn()
        except FactcheckError as exc:  # a refused verdict stays on screen, it does not end the session
            session.message = f"Error: {exc}"

    for i in range(min(9, len(session.ratings))):
        kb.add(str(i + 1), filter=idle)(lambda event, i=i: act(lambda: session.rate(i)))
    kb.add("s", filter=idle)(lambda event: act(session.skip))
    kb.add("u", filter=idle)(lambda event: act(session.undo))

    def start(field):
        def handler(event):
            if session.current is None:
                return
            state["field"] = field
            app.layout.focus(line)
        return handler

    for key, field in (("n", "note"), ("e", "evidence"), ("l", "label")):
        kb.add(key, filter=idle)(start(field))

    @kb.add("q", filter=idle)
    @kb.add("c-c")
    def _quit(event):
        act(session.quit)
        event.app.exit()

    style = Style.from_dict({"title": "reverse bold", "meta": "ansibrightblack", "context": "ansibrightblack",
                             "claim": "bold", "facet": "underline ansiyellow", "cue": "ansired",
                             "keys": "ansicyan", "marker": "bold ansiyellow", "message": "ansigreen", "typed": "italic"})
    app = Application(layout=Layout(HSplit([body, ConditionalContainer(line, filter=typing)]), focused_element=body),
                      key_bindings=kb, style=style, full_screen=True, input=input, output=output)
    return app


def run_review(queue: Queue, reviewer: str, *, order: str = "priority", input=None, output=None) -> ReviewSession:
    """Run the review screen until the reviewer quits; return the session (its counts)."""
    session = ReviewSession(queue, reviewer, order=order)
    build_app(session, input=input, output=output).run()
    return session
