"""Money trees. The I.E.E.P. items come as a flat pre-order list; recover level and parent of
each so that every parent equals the signed sum of its children.

Exact search over Decimals, by recursive descent: for the item at hand, close child spans whose
signed sums equal it. Where the printed figures do not add up (a typo), up to MAX_RELAXED parents
may be 'relaxed' (their children may sum to anything); of all trees the one that explains the most
parents wins. A step budget bounds the search; past it the items are returned as a flat forest.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

import attrs

MAX_RELAXED = 2
STEP_BUDGET = 200_000

# A plan is (item index, relaxed?, child plans); a leaf has no child plans.
Plan = tuple
IMPLAUSIBLE = 2  # score cost of a relaxed parent whose children miss it by more than a typo


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
    complete: bool  # False when the budget ran out or no single root covers the items


class _OutOfSteps(Exception):
    pass


class _Search:
    def __init__(self, items: Sequence[TreeItem]):
        self.items = items
        self.n = len(items)
        self.values = [it.value for it in items]
        # bounds on what any selection of roots from position i onwards can sum to
        self.most = [Decimal(0)] * (self.n + 1)
        self.least = [Decimal(0)] * (self.n + 1)
        for i in range(self.n - 1, -1, -1):
            v = self.values[i]
            self.most[i] = self.most[i + 1] + max(v, Decimal(0))
            self.least[i] = self.least[i + 1] + min(v, Decimal(0))
        self.memo: dict = {}
        self.steps = 0

    def _tick(self):
        self.steps += 1
        if self.steps > STEP_BUDGET:
            raise _OutOfSteps

    @staticmethod
    def _keep(best: dict, key, cand) -> None:
        if key not in best or cand[0] > best[key][0]:
            best[key] = cand

    def sub(self, i: int, k: int) -> dict:
        """Subtrees rooted at i: {(end, relaxed used): (parents explained, plan)}."""
        key = ("sub", i, k)
        if key in self.memo:
            return self.memo[key]
        self._tick()
        best: dict = {(i + 1, 0): (0, (i, False, ()))}
        item = self.items[i]
        if not item.leaf_only and item.amount is not None and i + 1 < self.n:
            for (end, used), (score, kids) in self.seq(i + 1, item.amount, k).items():
                self._keep(best, (end, used), (score + 1, (i, False, kids)))
            if k > 0:
                for (end, used), (score, kids) in self.free(i + 1, k - 1).items():
                    total = sum(self.values[kid[0]] for kid in kids)
                    penalty = 0 if typo_like(item.amount, total) else IMPLAUSIBLE
                    self._keep(best, (end, used + 1), (score - penalty, (i, True, kids)))
        self.memo[key] = best
        return best

    def seq(self, start: int, need: Decimal, k: int) -> dict:
        """Runs of >= 1 sibling subtrees from start whose signed root values sum to need."""
        key = ("seq", start, need, k)
        if key in self.memo:
            return self.memo[key]
        self._tick()
        best: dict = {}
        if self.least[start] <= need <= self.most[start]:
            value = self.values[start]
            rest = need - value
            for (end, used), (score, plan) in self.sub(start, k).items():
                if rest == 0:
                    self._keep(best, (end, used), (score, (plan,)))
                if end < self.n and self.least[end] <= rest <= self.most[end]:
                    for (end2, used2), (score2, plans) in self.seq(end, rest, k - used).items():
                        self._keep(best, (end2, used + used2), (score + score2, (plan,) + plans))
        self.memo[key] = best
        return best

    def implausible(self, plan: Plan) -> int:
        """How many relaxed parents of the plan miss their children's sum by more than a typo."""
        return sum(1 for i, relaxed, kids in _walk(plan)
                   if relaxed and not typo_like(self.items[i].amount, sum(self.values[k[0]] for k in kids)))

    def free(self, start: int, k: int) -> dict:
        """Runs of >= 1 sibling subtrees from start, whatever they sum to."""
        key = ("free", start, k)
        if key in self.memo:
            return self.memo[key]
        self._tick()
        best: dict = {}
        for (end, used), (score, plan) in self.sub(start, k).items():
            self._keep(best, (end, used), (score, (plan,)))
            if end < self.n:
                for (end2, used2), (score2, plans) in self.free(end, k - used).items():
                    self._keep(best, (end2, used + used2), (score + score2, (plan,) + plans))
        self.memo[key] = best
        return best


def _walk(plan: Plan):
    yield plan
    for kid in plan[2]:
        yield from _walk(kid)


def _shape(plans: tuple, n: int, complete: bool) -> Shape:
    levels = [0] * n
    parents: list[int | None] = [None] * n
    relaxed = set()
    stack = [(plan, 0, None) for plan in reversed(plans)]
    while stack:
        (i, is_relaxed, kids), level, parent = stack.pop()
        levels[i], parents[i] = level, parent
        if is_relaxed:
            relaxed.add(i)
        stack.extend((kid, level + 1, i) for kid in reversed(kids))
    return Shape(tuple(levels), tuple(parents), frozenset(relaxed), complete)


def recover(items: Sequence[TreeItem], max_relaxed: int = MAX_RELAXED) -> Shape:
    """The most plausible tree over items in pre-order (see the module's docstring)."""
    n = len(items)
    if n == 0:
        return Shape((), (), frozenset(), True)
    search = _Search(items)
    try:
        exact = [plan for (end, used), (_, plan) in search.sub(0, 0).items() if end == n]
        if exact:
            return _shape((exact[0],), n, True)
        # a typo: relax one parent; two only if one cannot explain the figures as a slip of the pen
        best = None
        for k in range(1, max_relaxed + 1):
            found = [(score, -used, plan) for (end, used), (score, plan) in search.sub(0, k).items() if end == n]
            if found:
                best = max([best, *found] if best else found, key=lambda f: f[:2])
                if not search.implausible(best[2]):
                    break
        if best:
            return _shape((best[2],), n, True)
        forest = search.free(0, 0)
        return _shape(forest[(n, 0)][1], n, False)
    except _OutOfSteps:
        return Shape((0,) * n, (None,) * n, frozenset(), False)
