"""Checks a bundle or installer against its size budget: prints the size, exits 1 when over it.

python packaging/bundle_size.py PATH MAX_MB     # PATH: a folder (its files added up) or one file
"""

from __future__ import annotations

import sys
from pathlib import Path


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [item for item in path.rglob("*") if item.is_file() and not item.is_symlink()]
    return sum(item.stat().st_size for item in files) / 1e6


def main(argv: list[str]) -> int:
    path, budget = Path(argv[0]), float(argv[1])
    if not path.exists():
        print(f"{path}: does not exist")
        return 1
    size = size_mb(path)
    verdict = "within" if size <= budget else "OVER"
    print(f"{path}: {size:.1f} MB, {verdict} the budget of {budget:g} MB")
    return 0 if size <= budget else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
