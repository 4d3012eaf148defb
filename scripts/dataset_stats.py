#!/usr/bin/env python3
"""Print the counts of the project's own attribution data set (datasets/attribution/*.jsonl).

usage: python scripts/dataset_stats.py [DIR]   (default: datasets/attribution next to this script)
Prints Markdown tables: rows per file, label, primary, domain, case, label combination,
plus the share of rows with a context sentence.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def load(directory: Path) -> list[dict]:
    rows = []
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    row["_file"] = path.name
                    rows.append(row)
    return rows


def table(title: str, counter: Counter, total: int) -> str:
    out = [f"### {title}", "", "| value | rows | share |", "|---|---:|---:|"]
    for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        out.append(f"| {key} | {n} | {100 * n / total:.1f}% |")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent.parent
    directory = Path(argv[1]) if len(argv) > 1 else here / "datasets" / "attribution"
    rows = load(directory)
    if not rows:
        print(f"no rows in {directory}", file=sys.stderr)
        return 1
    n = len(rows)
    checkable = sum(1 for r in rows if r["checkable"])
    print(f"rows: {n}; checkable: {checkable}; not checkable: {n - checkable}; "
          f"with context: {sum(1 for r in rows if r.get('context'))}\n")
    print(table("file", Counter(r["_file"] for r in rows), n))
    print(table("label (a row may carry several)", Counter(l for r in rows for l in r["labels"]), n))
    print(table("primary", Counter(r["primary"] or "null (not checkable)" for r in rows), n))
    print(table("label combination", Counter("+".join(r["labels"]) or "(none)" for r in rows if r["checkable"]), n))
    print(table("domain", Counter(r["domain"] for r in rows), n))
    print(table("case", Counter(r["case"] for r in rows), n))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
