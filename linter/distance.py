"""Edit distance for "did you mean": misspelt domains, schemes and months."""

from __future__ import annotations


def distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps);
    anything above ``limit`` is reported as ``limit + 1`` without computing it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


class Nearby:
    """ "Did you mean" among many names (a site's URLs, a page's anchors), in O(log n) a query:
    a misspelling keeps, most of the time, either its beginning or its end. The candidates are
    the names next to the query in alphabetical order and in the order of the names read
    backwards; ``difflib`` chooses among those few. Not every closest name is found (a name
    changed at both ends), but no query reads every name."""

    WIDTH = 8
    """Neighbours taken on each side, in each order."""

    def __init__(self, names: list[str]) -> None:
        self.forward = sorted(set(names))
        self.backward = sorted(name[::-1] for name in self.forward)

    def closest(self, word: str, cutoff: float) -> str | None:
        import bisect
        import difflib

        candidates: set[str] = set()
        for ordered, key, turn in (
            (self.forward, word, False),
            (self.backward, word[::-1], True),
        ):
            place = bisect.bisect_left(ordered, key)
            for name in ordered[max(0, place - self.WIDTH) : place + self.WIDTH]:
                candidates.add(name[::-1] if turn else name)
        close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=cutoff)
        return close[0] if close else None
