"""Rating scales: the default five-step scale of spec/CLI.md, scales read from a file, and
mappings between scales (PolitiFact's six steps onto ours)."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, ScaleError


@dataclass(frozen=True, slots=True)
class Rating:
    """One step of a scale: its name, its ClaimReview ``ratingValue`` (None if unrated) and
    its ClaimReview ``alternateName``."""

    name: str
    value: int | None
    alternate_name: str

    def to_dict(self) -> dict:
        return {"name": self.name, "value": self.value, "alternate_name": self.alternate_name}


@dataclass(frozen=True, slots=True)
class RatingScale:
    """An ordered list of ratings, best first; ``value`` orders the rated ones."""

    ratings: tuple[Rating, ...]

    def __post_init__(self):
        names = [r.name for r in self.ratings]
        if not names:
            raise ScaleError("a rating scale needs at least one rating")
        if len(set(names)) != len(names):
            raise ScaleError("a rating scale names each rating once; remove the repeated names")

    def names(self) -> list[str]:
        """Return the rating names in scale order."""
        return [r.name for r in self.ratings]

    def get(self, name: str) -> Rating:
        """Return the rating called ``name``; ScaleError (listing the scale) if it is not on it."""
        for r in self.ratings:
            if r.name == name:
                return r
        raise ScaleError(f"rating {name!r} is not on the scale; use one of: {', '.join(self.names())}")

    @property
    def best(self) -> int | None:
        values = [r.value for r in self.ratings if r.value is not None]
        return max(values) if values else None

    @property
    def worst(self) -> int | None:
        values = [r.value for r in self.ratings if r.value is not None]
        return min(values) if values else None

    def to_list(self) -> list[dict]:
        """Return the scale as a list of plain dicts (its JSON form)."""
        return [r.to_dict() for r in self.ratings]

    @classmethod
    def from_list(cls, rows: list) -> "RatingScale":
        """Return a scale from dicts with ``name`` and optional ``value`` and ``alternate_name``
        (``ratingValue``/``alternateName`` are accepted too), or from bare names."""
        ratings = []
        for row in rows:
            if isinstance(row, str):
                row = {"name": row}
            name = str(row.get("name") or "").strip()
            if not name:
                raise ScaleError("every rating of a scale needs a name")
            value = row.get("value", row.get("ratingValue"))
            value = None if value in (None, "", "null", "None") else int(value)
            alt = row.get("alternate_name") or row.get("alternateName") or name.replace("-", " ").capitalize()
            ratings.append(Rating(name, value, str(alt)))
        return cls(tuple(ratings))

    @classmethod
    def default(cls) -> "RatingScale":
        """Return the default scale of spec/CLI.md: true (5) ... false (1), and unverifiable."""
        return DEFAULT_SCALE

    @classmethod
    def from_file(cls, path) -> "RatingScale":
        """Return the scale in a JSON file (a list, or an object with ``ratings``) or a CSV file
        with columns ``name``, ``value``, ``alternate_name``."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read the scale file ({exc.strerror}); check the path", path=str(path)) from None
        try:
            if path.suffix.lower() == ".csv":
                return cls.from_list(list(csv.DictReader(text.splitlines())))
            data = json.loads(text)
            return cls.from_list(data["ratings"] if isinstance(data, dict) else data)
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"not a rating scale ({exc}); write a JSON list of "
                             '{"name", "value", "alternate_name"} or a CSV with those columns',
                             path=str(path)) from None


DEFAULT_SCALE = RatingScale((
    Rating("true", 5, "True"),
    Rating("mostly-true", 4, "Mostly true"),
    Rating("half-true", 3, "Half true"),
    Rating("mostly-false", 2, "Mostly false"),
    Rating("false", 1, "False"),
    Rating("unverifiable", None, "Unverifiable"),
))

#: PolitiFact's Truth-O-Meter (as in LIAR) onto the default scale: "barely true" is PolitiFact's
#: old name for "mostly false", and "pants on fire" is a false claim that is also ridiculous.
POLITIFACT_TO_DEFAULT = {
    "true": "true",
    "mostly-true": "mostly-true",
    "half-true": "half-true",
    "barely-true": "mostly-false",
    "false": "false",
    "pants-fire": "false",
}


def parse_mapping(pairs) -> dict[str, str]:
    """Return a mapping from ``FROM=TO`` strings (or a JSON object file's path ending .json)."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        if pair.endswith(".json") and "=" not in pair:
            try:
                mapping.update({str(k): str(v) for k, v in json.loads(Path(pair).read_text("utf-8")).items()})
            except (OSError, ValueError, AttributeError) as exc:
                raise InputError(f"cannot read the mapping ({exc}); give a JSON object of FROM: TO",
                                 path=pair) from None
            continue
        src, sep, dst = pair.partition("=")
        if not sep or not src.strip() or not dst.strip():
            raise ScaleError(f"mapping {pair!r} is not FROM=TO; write e.g. pants-fire=false")
        mapping[src.strip()] = dst.strip()
    return mapping
