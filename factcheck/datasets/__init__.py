"""Readers of the public labelled data sets (``../shared/data``) and of the project's own ``datasets/``.

Each reader is tolerant of the known defects of its source and yields plain records.
"""
