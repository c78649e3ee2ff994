"""I.E.E.P. money trees: random trees flattened to pre-order come back exactly wherever the
printed figures admit only that tree; a typo still gives the right tree and names its parent."""

from __future__ import annotations

import random
from decimal import Decimal

import money_tree_reference as reference
import sheets
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from objparse.rules.money_tree import TreeItem, _Scaled, exact_tree_possible, recover, typo_like

SETTINGS = settings()


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
    signed sum (brute force, for small trees): an oracle independent of money_tree's search. It
    grows the sequences item by item and drops one as soon as a parent it closes does not add
    up — the same sequences as trying them all, found without visiting the hopeless ones."""
    n = len(items)
    found = []

    def closes(open_, level):
        """The open ancestors left once those at `level` or deeper close, or None if one of
        them does not add up (or is italic, and has children)."""
        keep = list(open_)
        while keep and keep[-1][1] >= level:
            index, _, total, has_children = keep.pop()
            if has_children and (items[index].leaf_only or items[index].amount != total):
                return None
        return keep

    def grow(levels, parents, open_):
        if len(found) >= limit:
            return
        if len(levels) == n:
            if closes(open_, 0) is not None:
                found.append((tuple(levels), tuple(parents)))
            return
        i = len(levels)
        for lv in range(1, levels[-1] + 2):
            rest = closes(open_, lv)
            if rest is None:
                continue
            index, level, total, _ = rest[-1]
            grown = [*rest[:-1], (index, level, total + items[i].value, True), (i, lv, Decimal(0), False)]
            grow([*levels, lv], [*parents, index], grown)

    grow([0], [None], [(0, 0, Decimal(0), False)])
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
    # a typo that makes the leaf equal to the item before it reads, as well, as that item's one
    # child with the typo in the parent above: two trees explain the figures equally
    assume(broken[leaf].amount not in {it.amount for i, it in enumerate(broken) if i != leaf})
    shape = recover(broken)
    assert (shape.levels, shape.parents) == (levels, parents)
    assert shape.relaxed == {parents[leaf]}


def test_typo_like():
    assert typo_like(Decimal(138229555), Decimal(138247555))  # 557 <-> 575: a swap
    assert typo_like(Decimal(1000), Decimal(1007))  # one digit
    assert not typo_like(Decimal(526111450), Decimal(956533529))


# --- the search against the reference (the search as it was before exact integers and the proof) ---

def damaged_trees(count: int, seed: int, largest: int = 20):
    """Random I.E.E.P. trees of 2 to `largest` items, half of them with one amount changed: by a
    slip of the pen (one digit, two digits swapped) or by anything."""
    rng = random.Random(seed)
    for _ in range(count):
        n = rng.randint(2, largest)
        tree = sheets.ieep(sheets.RandomDraws(rng.randrange(2**32)), sheets.Size(ieep_items=(n, n)))
        items = [TreeItem(it.amount, it.sign, it.emphasis) for it in tree.items]
        if rng.random() < 0.5:
            j = rng.randrange(n)
            delta = rng.choice([1, 9, 90, 900, 10 ** rng.randint(0, 6), rng.randint(1, 10 ** 9)])
            items[j] = TreeItem(items[j].amount + delta, items[j].sign, items[j].leaf_only)
        yield items


def test_the_same_trees_as_the_reference_search():
    count = 5 * settings.default.max_examples  # 1,000 trees; 10,000 with --hypothesis-profile=thorough
    for items in damaged_trees(count, seed=20261129):
        want = reference.recover([reference.TreeItem(i.amount, i.sign, i.leaf_only) for i in items])
        got = recover(items)
        assert (got.levels, got.parents, got.relaxed, got.complete) == \
            (want.levels, want.parents, want.relaxed, want.complete), items


def test_the_proof_never_refutes_a_tree_that_adds_up():
    for items in damaged_trees(settings.default.max_examples, seed=7, largest=8):
        if exact_trees(items, limit=1):
            assert exact_tree_possible(_Scaled.of(items)) is not False
