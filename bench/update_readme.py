"""Render the README's table of figures from toolkit/data/scores.json (the one source).

Usage: python bench/update_readme.py [--check]
The eval_* and bench_* scripts record their figures there; this script copies them into the
README between the scores markers. --check exits 1 when the README is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from toolkit.atomic import write_text_atomic
from toolkit.scores import README_BEGIN, README_END, render_markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def rendered(readme: str) -> str:
    """The README text with the block between the markers rendered anew."""
    head, found, rest = readme.partition(README_BEGIN)
    if not found or README_END not in rest:
        raise SystemExit(f"{README} has no {README_BEGIN} ... {README_END} block")
    tail = rest.partition(README_END)[2]
    return f"{head}{README_BEGIN}\n{render_markdown()}{README_END}{tail}"


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = rendered(text)
    if "--check" in sys.argv:
        return 0 if new == text else 1
    if new != text:
        write_text_atomic(README, new)
        print(f"updated {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
