"""The exception family of factcheck.

Every error a user can cause is a :class:`FactcheckError`; its message is one line that says
what went wrong and what to do. The command line prints it as ``Error: ...`` and exits 1.
"""
from __future__ import annotations


class FactcheckError(Exception):
    """Something the user can fix went wrong; the message says what."""


class InputError(FactcheckError):
    """An input file or record could not be read."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        self.reason = message
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")

    def to_dict(self) -> dict:
        return {"file": self.path, "line": self.line, "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict) -> "InputError":
        """Return the error a :meth:`to_dict` row records (an errors file's row, a worker's report)."""
        return cls(d["reason"], path=d["file"], line=d["line"])


class ModelError(FactcheckError):
    """A model could not be found, verified or loaded."""


class UnsafeModelError(ModelError):
    """A model file is in a format that could run code when loaded (such as a pickle)."""


class NotFittedError(FactcheckError, ValueError):
    """A model was asked to predict before it was fitted."""


class QueueError(FactcheckError):
    """The reviewer queue refused an operation."""


class NotFoundError(QueueError):
    """A claim, reviewer or verdict does not exist in the queue."""


class ValidationError(QueueError):
    """A verdict was refused: a rating off the scale, an unknown label, evidence that is not an
    http(s) URL, or a span outside the document. The same check runs for CLI, terminal and web."""


class ScaleError(ValidationError):
    """A rating is not on the queue's rating scale."""


class AuthError(QueueError):
    """A reviewer's name or secret is wrong, or their role does not allow the action."""
