"""I.E.E.P. money trees: random trees flattened to pre-order come back exactly wherever the
printed figures admit only that tree; a typo still gives the right tree and names its parent."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from objparse.rules.money_tree import TreeItem, recover, typo_like

SETTINGS = settings(deadline=None, max_examples=200)


@st.composite
def trees(draw, max_nodes=9, smallest=1, min_nodes=1):
    """(items, levels, parents) of a random tree in pre-order; parents are the signed sums of
    their children, a few items are subtracted '(-)', leaves may be italic."""
    n = draw(st.integers(min_nodes, max_nodes))
    parents: list[int | None] = [None]
    for i in range(1, n):
        parents.append(draw(st.integers(0, i - 1)))
    # pre-order needs each parent to be an ancestor-or-self of the previous item
    for i in range(1, n):
        chain, j = set(), i - 1
        while j is not None:
            chain.add(j)
            j = parents[j]
        if parents[i] not in chain:
            parents[i] = i - 1
    kids = {i: [k for k in range(n) if parents[k] == i] for i in range(n)}
    signs = [1] + [draw(st.sampled_from([1, 1, 1, -1])) for _ in range(1, n)]
    amounts: list[Decimal] = [Decimal(0)] * n
    for i in range(n - 1, -1, -1):
        if kids[i]:
            amounts[i] = sum((amounts[k] * signs[k] for k in kids[i]), Decimal(0))
        else:
            amounts[i] = Decimal(draw(st.integers(smallest, 10**9)))
    italic = [not kids[i] and draw(st.booleans()) for i in range(n)]
    levels = []
    for i in range(n):
        level, j = 0, parents[i]
        while j is not None:
            level, j = level + 1, parents[j]
        levels.append(level)
    items = [TreeItem(amounts[i], signs[i], italic[i]) for i in range(n)]
    return items, tuple(levels), tuple(parents)


def exact_trees(items, limit=100_000):
    """Every level sequence over the pre-order items whose parents all match their children's
    signed sum (brute force, for small trees): an oracle independent of money_tree's search."""
    n = len(items)
    found = []

    def parents_of(levels):
        stack, out = [], []
        for lv in levels:
            del stack[lv:]
            out.append(stack[-1] if stack else None)
            stack.append(len(out) - 1)
        return out

    def valid(levels):
        par = parents_of(levels)
        sums: dict[int, Decimal] = {}
        for i, p in enumerate(par):
            if p is not None:
                if items[p].leaf_only:
                    return False
                sums[p] = sums.get(p, Decimal(0)) + items[i].value
        return all(items[p].amount == total for p, total in sums.items())

    def grow(levels):
        if len(found) >= limit:
            return
        if len(levels) == n:
            if valid(levels):
                found.append((tuple(levels), tuple(parents_of(levels))))
            return
        for lv in range(1, levels[-1] + 2):
            grow(levels + [lv])

    grow([0])
    return found


@SETTINGS
@given(trees())
def test_unambiguous_trees_are_recovered_exactly(tree):
    items, levels, parents = tree
    solutions = exact_trees(items)
    assert (levels, parents) in solutions  # the oracle agrees the original adds up
    assume(len(solutions) == 1)
    shape = recover(items)
    assert (shape.levels, shape.parents) == (levels, parents)
    assert shape.relaxed == frozenset() and shape.complete


@SETTINGS
@given(trees())
def test_recovered_tree_always_adds_up_when_one_does(tree):
    items, _, _ = tree
    shape = recover(items)
    assert (shape.levels, shape.parents) in exact_trees(items)


@SETTINGS
@given(trees(max_nodes=12, smallest=10**6, min_nodes=3), st.data())
def test_a_leaf_typo_keeps_the_tree_and_blames_its_parent(tree, data):
    """Amounts as on real sheets: large, leaves all different, so that only the typo breaks a sum."""
    items, levels, parents = tree
    leaves = [i for i in range(len(items)) if parents[i] is not None and i not in parents]
    assume(leaves and len({items[i].amount for i in leaves}) == len(leaves))
    assume(len(exact_trees(items, limit=2)) == 1)
    leaf = data.draw(st.sampled_from(leaves))
    digit = data.draw(st.integers(1, 9)) * 10 ** data.draw(st.integers(0, 3))
    broken = list(items)
    broken[leaf] = TreeItem(items[leaf].amount + digit, items[leaf].sign, items[leaf].leaf_only)
    assume(not exact_trees(broken, limit=1))
    shape = recover(broken)
    assert (shape.levels, shape.parents) == (levels, parents)
    assert shape.relaxed == {parents[leaf]}


def test_typo_like():
    assert typo_like(Decimal(138229555), Decimal(138247555))  # 557 <-> 575: a swap
    assert typo_like(Decimal(1000), Decimal(1007))  # one digit
    assert not typo_like(Decimal(526111450), Decimal(956533529))
