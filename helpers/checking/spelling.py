"""Near misses: is a student's text a small slip away from the expected one? Bounded, so always quick."""

from __future__ import annotations

MAX_COMPARED = 300  # texts longer than this are not compared letter by letter


def edits_between(given: str, expected: str, limit: int) -> int | None:
    """Return the number of one-letter edits (insert, delete, replace) from given to expected,
    or None when it is more than limit or a text is too long to compare.

    The work grows with the length of the texts times limit, never with their product.

    >>> edits_between("digital devide", "digital divide", 2), edits_between("kiwi", "mango", 2)
    (1, None)
    """
    if len(given) > MAX_COMPARED or len(expected) > MAX_COMPARED or abs(len(given) - len(expected)) > limit:
        return None
    if given == expected:
        return 0
    far = limit + 1
    previous = {j: j for j in range(min(len(expected), limit) + 1)}
    for i in range(1, len(given) + 1):
        current = {}
        low, high = max(0, i - limit), min(len(expected), i + limit)
        for j in range(low, high + 1):
            if j == 0:
                current[j] = i
                continue
            cost = 0 if given[i - 1] == expected[j - 1] else 1
            current[j] = min(previous.get(j - 1, far) + cost, previous.get(j, far) + 1, current.get(j - 1, far) + 1)
        if min(current.values()) > limit:
            return None
        previous = current
    distance = previous.get(len(expected), far)
    return distance if distance <= limit else None


def allowed_edits(expected: str) -> int:
    """Return how many slips a text of this length may hold and still count as a near miss.

    >>> allowed_edits("no"), allowed_edits("digital divide"), allowed_edits("x" * 60)
    (0, 2, 3)
    """
    if len(expected) < 4:
        return 0
    return min(3, 1 + len(expected) // 12)


def is_near_miss(given: str, expected: str) -> bool:
    """Return True if given differs from expected by a few letters (a slip of spelling or punctuation).

    >>> is_near_miss("atributeerror", "attributeerror"), is_near_miss("keyerror", "attributeerror")
    (True, False)
    """
    limit = allowed_edits(expected)
    if limit == 0 or given == expected:
        return False
    return edits_between(given, expected, limit) is not None
