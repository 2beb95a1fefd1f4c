"""Which links `linter.markdown.links` finds, saved, then compared after a change of the Markdown
stage (a parser option, a faster helper, another parser): every located link must stay where it
was, and each difference is shown to be judged.

    python bench/links_equivalence.py --save before.pickle     (on the code before the change)
    python bench/links_equivalence.py --compare before.pickle  (on the code after it)

The texts: the pages, tests and docs of this repository, the real site of `../shared/corpus` when
it is there, every shape of `bench/pathological.py` at 20 KB, and 20,000 generated texts made of
the pieces links are made of (brackets, escapes, entities, autolinks, tags, encoded and accented
characters). Exits 1 when a link located before is located elsewhere or lost; links that were
lost and are now located are listed, not counted as failures.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from linter import markdown  # noqa: E402

PIECES = (
    "[a](", ")", "](", "<", ">", "https://", "http://x.fr", "é", "%C3%A9", "&amp;", "&", "\\(",
    "\\", " ", "\n", "\n\n", "[r]: ", "[r]", '<a href="', '"', "xn--bcher-kva.ch", "bücher.ch",
    "mailto:", "a@b.fr", "`", "www.", "(", "]", "[", ' "t"', "#", "?q=1", "&#x2F;", "javascript:",
    "<img src=", "srcset=", "<!-- ", " -->", "- ", "> ", "| ", "    ",
)  # fmt: skip


def texts() -> list[str]:
    import pathological

    found = []
    corpus = ROOT.parent / "shared" / "corpus"
    for folder, patterns in (
        (ROOT / "tests", ("*.md", "*.html", "*.py")),
        (ROOT / "docs", ("*.md",)),
        (corpus, ("*.md", "*.html")),
    ):
        for pattern in patterns:
            found += [p.read_text(errors="replace") for p in sorted(folder.rglob(pattern))]
    found += [p.read_text(errors="replace") for p in sorted(ROOT.glob("*.md"))]
    found += [shape(20_000) for shape in pathological.CASES.values()]
    generated = random.Random(7)
    for _ in range(20_000):
        count = generated.randint(1, 25)
        found.append("".join(generated.choice(PIECES) for _ in range(count)))
    return found


def read(text: str) -> list[tuple[str, int, int, str, bool]]:
    return [(t.url, t.start, t.end, t.kind, t.exact) for t in markdown.links(text)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, help="write the links found to this file")
    mode.add_argument("--compare", type=Path, help="compare with the links of this file")
    args = parser.parse_args()
    if args.save:
        everything = texts()
        with args.save.open("wb") as file:
            pickle.dump([(text, read(text)) for text in everything], file)
        print(f"{len(everything)} texts saved to {args.save}")
        return 0
    with args.compare.open("rb") as file:
        saved = pickle.load(file)  # (a file this script wrote)
    moved = gained = 0
    for text, before in saved:
        after = read(text)
        exact_before = {link for link in before if link[4]}
        exact_after = {link for link in after if link[4]}
        if exact_before - exact_after:
            moved += 1
            if moved <= 5:
                print(f"MOVED OR LOST in {text[:120]!r}")
                print(f"  before: {sorted(exact_before - exact_after)[:3]}")
                print(f"  after:  {sorted(exact_after - exact_before)[:3]}")
        elif exact_after - exact_before:
            gained += 1
            if gained <= 5:
                print(f"now located in {text[:120]!r}: {sorted(exact_after - exact_before)[:3]}")
    print(f"{len(saved)} texts: {moved} with a located link moved or lost, {gained} with more")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
