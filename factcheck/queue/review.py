"""The terminal review screen: one claim at a time in its document context, a key per rating.

:class:`ReviewSession` is the loop without a screen (lease, rate, not a claim, skip, undo,
counts); :func:`build_app` puts a prompt_toolkit screen over it. Keys: ``1``..``9`` rate (the
scale's order), ``x`` not a claim, ``n`` note, ``e`` evidence URLs, ``l`` then one of
``c``/``e``/``s``/``u`` the corrected label (``l`` ``-`` clears it), ``o`` "this claim has no
source" (again: undo that), ``r`` reuse the verdict of the claim checked before (marked
``[r to reuse]``; never one whose figures differ), ``c`` apply the verdict to the claim's copies
in other articles too (again: not), ``s`` skip, ``u`` undo the last verdict, ``q`` quit. A note or the evidence is typed in a box at the bottom: Enter adds a
line, Ctrl+S (or Esc then Enter) keeps it, Ctrl+G leaves it unchanged. Terminals send the same
key for Enter and Ctrl+Enter, so Ctrl+S is the save key here.

Undo brings the claim back with what the reviewer had typed for it (note, evidence, label).
``ReviewSession.panels`` is where more panels go (the claims checked before, from claim
matching): callables from the session to screen fragments, drawn under the claim.
"""
from __future__ import annotations

from typing import Callable

from ..errors import FactcheckError
from ..types import PRIMARY_LABELS
from .display import format_facet
from .store import Queue
from .validate import UNSET, check_label, check_url

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
        #: extra panels under the claim: each takes the session and returns (style, text) fragments
        self.panels: list[Callable[["ReviewSession"], list[tuple[str, str]]]] = []
        from ..matching.queue_index import review_panel  # claims checked before, copies
        self.panels.append(review_panel)
        self._clear()
        self.advance()

    def _clear(self) -> None:
        self.note: str | None = None
        self.evidence: list[str] = []
        self.label: str | None = None
        self.no_source = False  # the reviewer says the claim has no source (o)
        self.copies = False  # the verdict goes to the claim's copies in other articles too (c)

    def _typed(self) -> dict:
        """What the reviewer typed or switched for the claim on screen, as the verdict's fields."""
        return {"label": self.label, "note": self.note, "evidence": self.evidence,
                "source": None if self.no_source else UNSET, "copies": self.copies}

    def _record(self, **what) -> dict:
        return self.queue.record_verdict(self.claim_id, self.reviewer, **self._typed(), **what)

    @staticmethod
    def _copied(verdict: dict) -> str:
        n = len(verdict.get("copies") or ())
        return f"; {n} cop{'y' if n == 1 else 'ies'} too" if n else ""

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
        verdict = self._record(rating=self.ratings[index])
        self.reviewed += 1
        self.message = f"Saved: {self.ratings[index]} (verdict {verdict['verdict_id']}{self._copied(verdict)})"
        self.advance()
        return verdict

    def reuse(self) -> dict | None:
        """Take over the verdict of the claim checked before (the best one whose figures do not
        differ, marked ``[r to reuse]``) with what the reviewer typed; return the new verdict,
        which names the one it reused."""
        from ..matching.queue_index import first_reusable, reuse

        match = first_reusable((self.current or {}).get("checked_before") or [])
        if match is None:
            self.message = "No earlier verdict with the same figures to reuse."
            return None
        verdict = reuse(self.queue, self.claim_id, self.reviewer, match, **self._typed())
        self.reviewed += 1
        self.message = f"Saved: {verdict['rating']}, reusing verdict {verdict['reuses']}{self._copied(verdict)}"
        self.advance()
        return verdict

    def toggle_copies(self) -> bool:
        """Switch whether the next verdict goes to the claim's copies in other articles too (off
        again after each claim); return whether it does now. Without copies it stays off."""
        self.copies = not self.copies and bool((self.current or {}).get("copies"))
        if not self.copies and not (self.current or {}).get("copies"):
            self.message = "This claim has no copies in other articles."
        return self.copies

    def not_a_claim(self) -> dict | None:
        """Record that the claim on screen is nothing a fact-checker would check; return the verdict."""
        if self.current is None:
            return None
        verdict = self._record(not_a_claim=True)
        self.reviewed += 1
        self.message = f"Saved: not a claim (verdict {verdict['verdict_id']}{self._copied(verdict)})"
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
        undone = self.queue.verdict(retraction["supersedes"])
        # what the reviewer had typed comes back with the claim
        self.note, self.evidence, self.label = undone["note"], list(undone["evidence"]), undone["label"]
        self.no_source = undone["source_corrected"] and undone["source"] is None
        self.copies = False  # a switch of the claim that was on screen; off for each claim shown
        self.current = self.queue.get_claim(retraction["claim_id"], reviewer=self.reviewer)
        self.message = f"Undone: verdict {retraction['supersedes']}. Rate this claim again."
        return retraction

    def set_note(self, text: str) -> None:
        self.note = text.strip() or None

    def set_evidence(self, text: str) -> bool:
        """Set the evidence from one URL a line; refuse (keeping the old) unless each is http(s)."""
        try:
            urls = [check_url(line) for line in text.splitlines() if line.strip()]
        except FactcheckError as exc:
            self.message = f"Error: {exc}"
            return False
        self.evidence = urls
        return True

    def add_evidence(self, url: str) -> bool:
        """Add one evidence URL; refuse it unless it is http(s)."""
        return self.set_evidence("\n".join([*self.evidence, url]))

    def set_label(self, text: str) -> None:
        """Set the corrected label from its name or first letter (empty or ``-``: none); an unknown one is refused."""
        text = text.strip().lower()
        label = _LABEL_KEYS.get(text, text) if text not in ("", "-") else None
        try:
            self.label = check_label(label)
        except FactcheckError:
            self.message = f"Label {text!r} is not one of: {', '.join(PRIMARY_LABELS)}"

    def quit(self) -> None:
        """Give back the claim on screen."""
        if self.current is not None:
            self.queue.release(self.claim_id, self.reviewer)


def _context_fragments(cur: dict, claim: dict) -> list[tuple[str, str]]:
    """Return the claim in its article (headline, date, link, the paragraph with the claim
    marked, the sentence before and after) when the queue has the document, else between the
    neighbouring claims."""
    out: list[tuple[str, str]] = []
    art = cur.get("article") or {}
    head = " · ".join(str(x) for x in (art.get("title"), art.get("published"), art.get("url")) if x)
    if head:
        out.append(("class:meta", head + "\n\n"))
    if art.get("paragraph"):
        if art.get("before"):
            out.append(("class:context", art["before"]["text"] + "\n\n"))
        para, lo, hi = art["paragraph"]["text"], art["claim"]["start"], art["claim"]["end"]
        out += [("class:context", para[:lo]), ("class:marker", "▶ ")] + _highlighted(claim)
        out += [("class:context", para[hi:] + "\n")]
        if art.get("after"):
            out.append(("class:context", "\n" + art["after"]["text"] + "\n"))
        return out + [("", "\n")]
    for rec in cur["context"]["before"]:
        out.append(("class:context", rec["text"] + "\n"))
    # the claim stands out without colour too: its own paragraph, marked
    out += [("", "\n"), ("class:marker", "▶ ")] + _highlighted(claim) + [("", "\n\n")]
    for rec in cur["context"]["after"]:
        out.append(("class:context", rec["text"] + "\n"))
    return out


def claim_fragments(session: ReviewSession, mode: str | None = None,
                    size: tuple[int, int] | None = None) -> list[tuple[str, str]]:
    """Return the screen as prompt_toolkit (style, text) fragments (``mode``: "label" while the
    label key waits for its letter). With ``size`` (rows, columns) the screen is cut to fit it:
    the claim, its figures and source and the key lines stay; the context around the claim and
    the panels get the rows left (see :func:`_fit`)."""
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
    top = len(out)
    out += _context_fragments(cur, claim)
    context = len(out)
    facets = [f"{f.get('text') or f.get('kind')}: {format_facet(f)}" for f in claim.get("facets") or ()]
    if facets:
        out.append(("class:meta", "\nfigures: " + " · ".join(facets) + "\n"))
    if claim.get("source"):
        src = claim["source"]
        out.append(("class:meta", f"source: {src.get('text') if isinstance(src, dict) else src}\n"))
    figures = len(out)
    for panel in s.panels:
        out += panel(s)
    panels = len(out)
    typed = [f"note: {s.note}" if s.note else "", f"evidence: {', '.join(s.evidence)}" if s.evidence else "",
             "no source" if s.no_source else "",
             f"copies: {len(cur.get('copies') or ())} too" if s.copies and cur.get("copies") else "",
             f"label: {s.label}" if s.label else ""]
    if any(typed):
        out.append(("class:typed", "\n" + "   ".join(t for t in typed if t) + "\n"))
    keys = "  ".join(f"[{i + 1}] {name}" for i, name in enumerate(s.ratings[:9]))
    out.append(("class:keys", f"\n{keys}  [x] not a claim\n"))
    if mode == "label":
        out.append(("class:keys", "label: [c]ontested [e]stimated [s]ourced [u]nsourced [-] none\n"))
    else:
        out.append(("class:keys", "[n]ote [e]vidence [l]abel n[o] source [r]euse [c]opies too [s]kip [u]ndo [q]uit\n"))
    if s.message:
        out.append(("class:message", s.message + "\n"))
    if size is None:
        return out
    parts = ["keep"] * top + ["context"] * (context - top) + ["keep"] * (figures - context) \
        + ["panel"] * (panels - figures) + ["keep"] * (len(out) - panels)
    return _fit(out, parts, *size)


def _fit(frags: list[tuple[str, str]], parts: list[str], rows: int, columns: int) -> list[tuple[str, str]]:
    """Cut the screen's fragments to ``rows`` x ``columns`` as the window wraps them: the rows of
    the "keep" fragments and the claim's rows stay (a claim too long for the rows left is cut after
    its first rows, with an ellipsis); the panels' first rows and the context's rows next to the
    claim get what is left; the header goes last. A row cut mid-paragraph ends (or starts) with …"""
    from prompt_toolkit.utils import get_cwidth

    columns = max(columns, 2)
    # the screen as rows of (style, char, part) the way a wrapping Window lays it out
    lines: list[list] = [[]]
    soft: list[bool] = []  # whether the row ends by wrapping (mid-paragraph), not at a newline
    ends: list[str] = []  # the part of the newline that ends the row (for empty rows)
    width = 0
    for (style, text), part in zip(frags, parts):
        if part == "context" and ("class:claim" in style or "class:marker" in style):
            part = "claim"
        for ch in text:
            if ch == "\n":
                soft.append(False)
                ends.append(part)
                lines.append([])
                width = 0
                continue
            w = get_cwidth(ch)
            if width + w > columns and lines[-1]:
                soft.append(True)
                ends.append(part)
                lines.append([])
                width = 0
            lines[-1].append((style, ch, part))
            width += w
    if not lines[-1]:  # the screen ends with a newline: no row after it
        lines.pop()
    else:
        soft.append(False)
        ends.append("keep")
    kinds = []
    for line, end in zip(lines, ends):
        got = {p for _, _, p in line} or {end}
        kinds.append("claim" if "claim" in got else "keep" if "keep" in got else got.pop())
    if len(lines) <= rows:
        return frags

    kept = {i for i, k in enumerate(kinds) if k == "keep" and lines[i]}
    claim = [i for i, k in enumerate(kinds) if k == "claim"]
    room = rows - len(kept)
    kept.update(claim[:max(room, 1)])
    room -= len(claim)
    # the blank rows between the parts, the last ones first, while they fit
    blank = [i for i, k in enumerate(kinds) if k == "keep" and not lines[i]][::-1]
    kept.update(blank[:max(room, 0)])
    room -= len(blank)
    # the panels' first rows, up to half the room, then the context around the claim, then panels again
    panel = [i for i, k in enumerate(kinds) if k == "panel"]
    first = min(len(panel), max(room, 0) // 2)
    kept.update(panel[:first])
    room -= first
    if claim:
        before = [i for i, k in enumerate(kinds) if k == "context" and i < claim[0]][::-1]
        after = [i for i, k in enumerate(kinds) if k == "context" and i > claim[-1]]
        nafter = min(len(after), max(room, 0) // 3)
        nbefore = min(len(before), max(room, 0) - nafter)
        nafter = min(len(after), max(room, 0) - nbefore)
        kept.update(before[:nbefore] + after[:nafter])
        room -= nbefore + nafter
    kept.update(panel[first:first + max(room, 0)])
    # a screen too small for even that: the header's rows go first, then what is left from the top
    header = [i for i in sorted(kept) if kinds[i] == "keep" and (not claim or i < claim[0])]
    while len(kept) > rows and header:
        kept.discard(header.pop(0))

    out: list[tuple[str, str]] = []
    for n, i in enumerate(sorted(kept)):
        row = [(style, ch) for style, ch, _ in lines[i]]
        if row and i > 0 and i - 1 not in kept and soft[i - 1] and lines[i][0][2] != "claim":
            row[0] = (row[0][0], "…")
        if row and i + 1 < len(lines) and i + 1 not in kept and soft[i]:
            row[-1] = (row[-1][0], "…")
        if n:
            row.insert(0, ("", "\n"))
        for style, ch in row:
            if out and out[-1][0] == style:
                out[-1] = (style, out[-1][1] + ch)
            else:
                out.append((style, ch))
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

    # field: which text box is open (note or evidence); mode "label": the next key picks the label
    state: dict = {"field": None, "mode": None}
    prompts = {"note": "note (Enter: new line, Ctrl+S: keep)> ",
               "evidence": "evidence, one URL a line (Ctrl+S: keep)> "}
    typing = Condition(lambda: state["field"] is not None)
    labelling = Condition(lambda: state["mode"] == "label")

    box_rows = 4
    box = TextArea(multiline=True, height=box_rows, get_line_prefix=lambda n, _w: prompts.get(state["field"], "")
                   if n == 0 else " " * len(prompts.get(state["field"], "")))

    def screen():
        # cut to the terminal's size at each render; the text box, when open, takes its rows
        size = app.output.get_size()
        rows = size.rows - (box_rows if state["field"] is not None else 0)
        return claim_fragments(session, state["mode"], size=(max(rows, 1), size.columns))

    body = Window(FormattedTextControl(screen, focusable=True), wrap_lines=True)
    kb = KeyBindings()
    idle = ~typing & ~labelling

    def act(fn):
        try:
            fn()
        except FactcheckError as exc:  # a refused verdict stays on screen, it does not end the session
            session.message = f"Error: {exc}"

    def close_box():
        state["field"] = None
        box.text = ""
        app.layout.focus(body)

    @kb.add("c-s", filter=typing)
    @kb.add("escape", "enter", filter=typing)
    def _keep(event):
        if state["field"] == "note":
            session.set_note(box.text)
        elif not session.set_evidence(box.text):
            return  # the refused URL stays in the box to be fixed
        close_box()

    @kb.add("c-g", filter=typing)
    def _cancel(event):
        close_box()

    def start(field):
        def handler(event):
            if session.current is None:
                return
            state["field"] = field
            box.text = (session.note or "") if field == "note" else "\n".join(session.evidence)
            box.buffer.cursor_position = len(box.text)
            app.layout.focus(box)
        return handler

    for i in range(min(9, len(session.ratings))):
        kb.add(str(i + 1), filter=idle)(lambda event, i=i: act(lambda: session.rate(i)))
    kb.add("x", filter=idle)(lambda event: act(session.not_a_claim))
    kb.add("r", filter=idle)(lambda event: act(session.reuse))

    @kb.add("o", filter=idle)
    def _no_source(event):
        session.no_source = not session.no_source

    @kb.add("c", filter=idle)
    def _copies(event):
        session.toggle_copies()
    kb.add("s", filter=idle)(lambda event: act(session.skip))
    kb.add("u", filter=idle)(lambda event: act(session.undo))
    kb.add("n", filter=idle)(start("note"))
    kb.add("e", filter=idle)(start("evidence"))

    @kb.add("l", filter=idle)
    def _label(event):
        if session.current is not None:
            state["mode"] = "label"

    def pick(key):
        def handler(event):
            state["mode"] = None
            session.set_label(key)
        return handler

    for key in (*_LABEL_KEYS, "-"):
        kb.add(key, filter=labelling)(pick(key))

    @kb.add("<any>", filter=labelling)
    def _other(event):
        # any other key leaves the label choice and does what it does anywhere else: nothing is swallowed
        state["mode"] = None
        data = event.key_sequence[0].data if event.key_sequence else ""
        if data.isdigit() and 1 <= int(data) <= min(9, len(session.ratings)):
            act(lambda: session.rate(int(data) - 1))
        elif data in ("q",):
            act(session.quit)
            event.app.exit()
        elif data == "x":
            act(session.not_a_claim)
        elif data == "r":
            act(session.reuse)

    @kb.add("q", filter=idle)
    @kb.add("c-c")
    def _quit(event):
        act(session.quit)
        event.app.exit()

    style = Style.from_dict({"title": "reverse bold", "meta": "ansibrightblack", "context": "ansibrightblack",
                             "claim": "bold", "facet": "underline ansiyellow", "cue": "ansired",
                             "keys": "ansicyan", "marker": "bold ansiyellow", "message": "ansigreen", "typed": "italic"})
    app = Application(layout=Layout(HSplit([body, ConditionalContainer(box, filter=typing)]), focused_element=body),
                      key_bindings=kb, style=style, full_screen=True, input=input, output=output)
    return app


def run_review(queue: Queue, reviewer: str, *, order: str = "priority", input=None, output=None) -> ReviewSession:
    """Run the review screen until the reviewer quits; return the session (its counts)."""
    session = ReviewSession(queue, reviewer, order=order)
    build_app(session, input=input, output=output).run()
    return session
