"""Adapting a model to a newsroom's own verdicts (``factcheck train --from-queue``).

``adapt_from_queues`` reads the verdicts of queue files and writes an adapted model directory;
``adapt_parts`` adapts loaded model parts to :class:`~factcheck.types.NewsroomExample` rows.
"""
from __future__ import annotations

from .examples import NoVerdictsError, read_examples
from .guard import AdaptationRefused
from .newsroom import adapt_from_queues, adapt_parts

__all__ = ["AdaptationRefused", "NoVerdictsError", "adapt_from_queues", "adapt_parts", "read_examples"]
