"""Money trees. The I.E.E.P. items come as a flat pre-order list; recover level and parent of
each so that every parent equals the signed sum of its children (exact: amounts are scaled to
integers, no rounding anywhere).

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

Where the greedy exact search fails, a cheap test asks whether any exact tree can exist at all
(exact_tree_possible: the parents' amounts must add up to all the other items' values). Where
it proves that none does, the full exact search is skipped: it could only fail, and with a typo
it is the costly part. Everything else runs as it always has, so the trees are the same.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

from ..values.numbers import exact

MAX_RELAXED = 2
STEP_BUDGET = 5_000  # per search; a search past it gives way to the next
MAX_ITEMS = 500  # the search recurses once per item; longer lists stay a flat forest
MAX_PROOF_CANDIDATES = 30  # candidate parents the proof that no exact tree exists looks at (2 x 2^15 sums)


def typo_like(printed: Decimal | int, computed: Decimal | int) -> bool:
    """Could one slip of the pen turn computed into printed? One digit changed (the difference has a
    single non-zero digit) or two digits swapped (a multiple of 9 with at most two non-zero digits)."""
    with exact():
        diff = abs(Decimal(printed) - Decimal(computed))
        digits = [d for d in format(diff, "f") if d not in "0."]
        return len(digits) == 1 or (diff % 9 == 0 and len(digits) <= 2)


class TreeItem(NamedTuple):
    amount: Decimal | None
    sign: int = 1
    leaf_only: bool = False  # italic rows are leaves

    @property
    def value(self) -> Decimal:
        return (self.amount or Decimal(0)) * self.sign


class Shape(NamedTuple):
    levels: tuple[int, ...]
    parents: tuple[int | None, ...]
    relaxed: frozenset[int]  # parents whose sum was not matched
    complete: bool  # False when no single tree was found
    own_typo: frozenset[int] = frozenset()  # relaxed parents whose own amount is taken as the typo


class _OutOfSteps(Exception):
    pass


class _Scaled(NamedTuple):
    """The items as exact integers (every amount times the same power of ten)."""

    amounts: tuple[int | None, ...]  # unsigned, None where the item has no amount
    values: tuple[int, ...]  # signed, 0 where the item has no amount
    signs: tuple[int, ...]
    leaf_only: tuple[bool, ...]  # italic, or without an amount
    nonnegative: bool  # no value below zero: sums of children only grow

    @classmethod
    def of(cls, items: Sequence[TreeItem]) -> _Scaled:
        places = max((-a.as_tuple().exponent for a in (i.amount for i in items) if a is not None  # type: ignore[operator]
                      and a.is_finite()), default=0)
        with exact():
            scale = Decimal(10) ** max(places, 0)
            amounts = tuple(int(i.amount * scale) if i.amount is not None and i.amount.is_finite() else None
                            for i in items)
        values = tuple((a or 0) * i.sign for a, i in zip(amounts, items, strict=True))
        leaf_only = tuple(i.leaf_only or a is None for a, i in zip(amounts, items, strict=True))
        return cls(amounts, values, tuple(i.sign for i in items), leaf_only, all(v >= 0 for v in values))


def _subset_sums(amounts: Sequence[int], most: int | None) -> set[int]:
    """Every sum of a subset of the amounts; with `most`, of non-negative amounts, those up to it."""
    sums = {0}
    for amount in amounts:
        sums |= {s + amount for s in sums if most is None or s + amount <= most}
    return sums


def exact_tree_possible(scaled: _Scaled) -> bool | None:
    """False when no single-root tree can have every parent exactly equal to the signed sum of
    its children; True when one may; None when there are too many candidate parents to tell.

    In such a tree every item but the root is the child of exactly one parent, so the amounts of
    the parents add up to the signed values of all the other items. The root is a parent; the
    last item and italic items are not. So the amounts of some set of the other candidates must
    add up to that total less the root's amount: with a typo they almost never can. The subset
    sums are found by meeting in the middle (2 x 2^(n/2) sums for n candidates)."""
    amounts, values, leaf_only = scaled.amounts, scaled.values, scaled.leaf_only
    n = len(values)
    if n == 1:
        return True
    root = amounts[0]
    if root is None or leaf_only[0]:
        return False
    target = sum(values[1:]) - root
    # the last item and italic items are leaves; the others may be parents
    candidates = [a for a, leaf in zip(amounts[1:n - 1], leaf_only[1:n - 1], strict=True) if a is not None and not leaf]
    most = None
    if all(a >= 0 for a in candidates):  # as printed amounts are: sums past the target are of no use
        if target < 0:
            return False
        most = target
        candidates = [a for a in candidates if a <= target]
    if len(candidates) > MAX_PROOF_CANDIDATES:
        return None
    half = len(candidates) // 2
    right = _subset_sums(candidates[half:], most)
    return any(target - s in right for s in _subset_sums(candidates[:half], most))


_Stack = tuple[tuple[int, int], ...]  # (item, signed value) of each finished subtree, top last


class _Search:
    """One depth-first search with a given allowance of relaxed parents."""

    def __init__(self, scaled: _Scaled, allowance: int, any_difference: bool, single_root: bool,
                 dead: set[tuple[int, int, _Stack]] | None = None, greedy: bool = False):
        self.scaled = scaled
        self.greedy = greedy
        self.allowance = allowance
        self.any_difference = any_difference
        self.single_root = single_root
        self.children: list[int] = [0] * len(scaled.values)  # how many stack entries each item took
        self.relaxed: set[int] = set()
        self.own_typo: set[int] = set()
        # states known to lead nowhere; (item, allowance, stack) stays dead under a larger allowance's search
        self.dead: set[tuple[int, int, _Stack]] = set() if dead is None else dead
        self.steps = 0

    def run(self) -> bool:
        return self._step(len(self.scaled.values) - 1, (), self.allowance)

    def _options(self, i: int, stack: _Stack, allowance: int) -> Iterator[tuple[int, bool, int]]:
        """(children taken, relaxed?, value passed up) for item i, best first."""
        printed = self.scaled.values[i]
        amount = self.scaled.amounts[i]
        if self.scaled.leaf_only[i] or not stack:
            yield 0, False, printed
            return
        sums = []
        total = 0
        stop = allowance == 0 and self.scaled.nonnegative  # sums only grow: past the amount none can match
        for _, value in reversed(stack):
            total += value
            if stop and total > amount:  # type: ignore[operator]
                break
            sums.append(total)
        exact = [k for k, total in enumerate(sums, start=1) if total == amount]
        for k in exact:
            yield k, False, printed
        if exact and self.greedy:
            return  # children that add up exactly are taken as children, without second thoughts
        if allowance:
            sign = self.scaled.signs[i]
            # before 'leaf': a near miss is rare, and where there is a typo it is the likely place
            for k, total in enumerate(sums, start=1):
                if total != amount and (self.any_difference or typo_like(amount, total)):  # type: ignore[arg-type]  # amount is set: not a leaf
                    yield k, True, printed  # a child's amount is the typo
                    yield k, True, total * sign  # its own amount is the typo
        yield 0, False, printed

    def _step(self, i: int, stack: _Stack, allowance: int) -> bool:
        if i < 0:
            return len(stack) == 1 or not self.single_root
        key = (i, allowance, stack)
        if key in self.dead:
            return False
        self.steps += 1
        if self.steps > STEP_BUDGET:
            raise _OutOfSteps
        for k, relaxed, value in self._options(i, stack, allowance):
            rest = stack[:len(stack) - k] if k else stack
            if self._step(i - 1, (*rest, (i, value)), allowance - relaxed):
                self.children[i] = k
                if relaxed:
                    self.relaxed.add(i)
                    if value != self.scaled.values[i]:
                        self.own_typo.add(i)
                return True
        self.dead.add(key)
        return False

    def shape(self, complete: bool) -> Shape:
        n = len(self.children)
        parents: list[int | None] = [None] * n
        stack: list[int] = []
        for i in range(n - 1, -1, -1):
            k = self.children[i]
            for _ in range(k):
                parents[stack.pop()] = i
            stack.append(i)
        levels = [0] * n
        for i in range(n):
            parent = parents[i]
            if parent is not None:
                levels[i] = levels[parent] + 1
        return Shape(tuple(levels), tuple(parents), frozenset(self.relaxed), complete, frozenset(self.own_typo))


def recover(items: Sequence[TreeItem], max_relaxed: int = MAX_RELAXED) -> Shape:
    """The most plausible tree over items in pre-order (see the module's docstring)."""
    n = len(items)
    if n == 0:
        return Shape((), (), frozenset(), True)
    if n > MAX_ITEMS:
        return Shape((0,) * n, (None,) * n, frozenset(), False)
    scaled = _Scaled.of(items)
    # An exact tree first, greedy (every exact sum trusted at once: near-linear) then with second
    # thoughts; only then typos, greedy first again.
    relaxations = [(k, False) for k in range(1, max_relaxed + 1)] + [(1, True)]
    attempts = [(True, 0, False), (False, 0, False), *((True, k, a) for k, a in relaxations),
                *((False, k, a) for k, a in relaxations)]
    dead: dict[tuple[bool, bool], set[tuple[int, int, _Stack]]] = {}
    for greedy, allowance, any_difference in attempts:
        if allowance == 0 and not greedy and exact_tree_possible(scaled) is False:
            continue  # no exact tree exists: the full exact search could only fail
        search = _Search(scaled, allowance, any_difference, single_root=True,
                         dead=dead.setdefault((greedy, any_difference), set()), greedy=greedy)
        try:
            if search.run():
                return search.shape(True)
        except _OutOfSteps:
            continue
    forest = _Search(scaled, 0, False, single_root=False)
    try:
        forest.run()  # always succeeds: every item may be a leaf
        return forest.shape(False)
    except _OutOfSteps:
        return Shape((0,) * n, (None,) * n, frozenset(), False)
