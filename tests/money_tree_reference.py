"""The money-tree search as it was before exact integer arithmetic and the proof that no exact tree
exists: the reference the differential test compares the search with.

Money trees. The I.E.E.P. items come as a flat pre-order list; recover level and parent of
each so that every parent equals the signed sum of its children (exact, over Decimals).

Read backwards, a pre-order list is a shift-reduce parse: when an item is reached, its children
are the subtrees finished last, on top of a stack. So each item either is a leaf or takes the top
k subtrees as its children, where their signed values add up to its amount; italic items are
leaves. A depth-first search tries 'parent' before 'leaf' (the tree that explains the most
parents), remembers the states that led nowhere, and stops at a step budget.

Where the printed figures do not add up, a parent may be 'relaxed': its children's sum misses its
amount by what one slip of the pen makes (typo_like). Either a child's amount is the typo (the
parent passes its printed amount up) or its own is (it passes its children's sum up): one relaxed
parent explains one typo. Searches allow 0, then 1, then 2 relaxed parents, first trusting every exact
sum at once (near-linear), then with second thoughts; then any difference; then a forest.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

MAX_RELAXED = 2
STEP_BUDGET = 5_000  # per search; a search past it gives way to the next
MAX_ITEMS = 500  # the search recurses once per item; longer lists stay a flat forest


def typo_like(printed: Decimal, computed: Decimal) -> bool:
    """Could one slip of the pen turn computed into printed? One digit changed (the difference has a
    single non-zero digit) or two digits swapped (a multiple of 9 with at most two non-zero digits)."""
    diff = abs(printed - computed)
    digits = [d for d in format(diff, "f").replace(".", "") if d != "0"]
    return len(digits) == 1 or (diff % 9 == 0 and len(digits) <= 2)


@attrs.frozen
class TreeItem:
    amount: Decimal | None
    sign: int = 1
    leaf_only: bool = False  # italic rows are leaves

    @property
    def value(self) -> Decimal:
        return (self.amount or Decimal(0)) * self.sign


@attrs.frozen
class Shape:
    levels: tuple[int, ...]
    parents: tuple[int | None, ...]
    relaxed: frozenset[int]  # parents whose sum was not matched
    complete: bool  # False when no single tree was found


class _OutOfSteps(Exception):
    pass


class _Search:
    """One depth-first search with a given allowance of relaxed parents."""

    def __init__(self, items: Sequence[TreeItem], allowance: int, any_difference: bool, single_root: bool,
                 dead: set | None = None, greedy: bool = False):
        self.items = items
        self.greedy = greedy
        self.allowance = allowance
        self.any_difference = any_difference
        self.single_root = single_root
        self.children: list[int] = [0] * len(items)  # how many stack entries each item took
        self.relaxed: set[int] = set()
        # states known to lead nowhere; (item, allowance, stack) stays dead under a larger allowance's search
        self.dead: set = set() if dead is None else dead
        self.steps = 0

    def run(self) -> bool:
        return self._step(len(self.items) - 1, [], self.allowance)

    def _options(self, i: int, stack: list[tuple[int, Decimal]], allowance: int):
        """(children taken, relaxed?, value passed up) for item i, best first."""
        item = self.items[i]
        printed = item.value
        if item.leaf_only or item.amount is None or not stack:
            yield 0, False, printed
            return
        sums, total = [], Decimal(0)
        for _, value in reversed(stack):
            total += value
            sums.append(total)
        exact = [k for k, total in enumerate(sums, start=1) if total == item.amount]
        for k in exact:
            yield k, False, printed
        if exact and self.greedy:
            return  # children that add up exactly are taken as children, without second thoughts
        if allowance:
            # before 'leaf': a near miss is rare, and where there is a typo it is the likely place
            for k, total in enumerate(sums, start=1):
                if total != item.amount and (self.any_difference or typo_like(item.amount, total)):
                    yield k, True, printed  # a child's amount is the typo
                    yield k, True, total * item.sign  # its own amount is the typo
        yield 0, False, printed

    def _step(self, i: int, stack: list[tuple[int, Decimal]], allowance: int) -> bool:
        if i < 0:
            return len(stack) == 1 or not self.single_root
        key = (i, allowance, tuple(stack))
        if key in self.dead:
            return False
        self.steps += 1
        if self.steps > STEP_BUDGET:
            raise _OutOfSteps
        for k, relaxed, value in self._options(i, stack, allowance):
            rest = stack[:len(stack) - k] if k else stack
            if self._step(i - 1, [*rest, (i, value)], allowance - relaxed):
                self.children[i] = k
                if relaxed:
                    self.relaxed.add(i)
                return True
        self.dead.add(key)
        return False

    def shape(self, complete: bool) -> Shape:
        n = len(self.items)
        parents: list[int | None] = [None] * n
        stack: list[int] = []
        for i in range(n - 1, -1, -1):
            k = self.children[i]
            for _ in range(k):
                parents[stack.pop()] = i
            stack.append(i)
        levels = [0] * n
        for i in range(n):
            if parents[i] is not None:
                levels[i] = levels[parents[i]] + 1
        return Shape(tuple(levels), tuple(parents), frozenset(self.relaxed), complete)


def recover(items: Sequence[TreeItem], max_relaxed: int = MAX_RELAXED) -> Shape:
    """The most plausible tree over items in pre-order (see the module's docstring)."""
    n = len(items)
    if n == 0:
        return Shape((), (), frozenset(), True)
    if n > MAX_ITEMS:
        return Shape((0,) * n, (None,) * n, frozenset(), False)
    # An exact tree first, greedy (every exact sum trusted at once: near-linear) then with second
    # thoughts; only then typos, greedy first again.
    relaxations = [(k, False) for k in range(1, max_relaxed + 1)] + [(1, True)]
    attempts = [(True, 0, False), (False, 0, False), *((True, k, a) for k, a in relaxations),
                *((False, k, a) for k, a in relaxations)]
    dead: dict[tuple[bool, bool], set] = {}
    for greedy, allowance, any_difference in attempts:
        search = _Search(items, allowance, any_difference, single_root=True,
                         dead=dead.setdefault((greedy, any_difference), set()), greedy=greedy)
        try:
            if search.run():
                return search.shape(True)
        except _OutOfSteps:
            continue
    forest = _Search(items, 0, False, single_root=False)
    try:
        forest.run()  # always succeeds: every item may be a leaf
        return forest.shape(False)
    except _OutOfSteps:
        return Shape((0,) * n, (None,) * n, frozenset(), False)
