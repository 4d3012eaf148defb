"""Record the SHA-256 and size of each file of model folders' parts in their manifests.

For the shipped models after their parts were rebuilt in place, or a folder written before
manifests held hashes (factcheck.models.record_hashes; `load_model` checks the hashes). It
vouches for the files as they are now: run it only on files you trust.

    python scripts/hash_models.py models/fast models/accurate
"""
from __future__ import annotations

import argparse

from factcheck.models import record_hashes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", help="model folders (each holding manifest.json)")
    for folder in ap.parse_args().folders:
        print(f"hashed {record_hashes(folder)}")


if __name__ == "__main__":
    main()
