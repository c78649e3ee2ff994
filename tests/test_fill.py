"""The one fill mechanism, against its definition read slot by slot."""

from hypothesis import given, settings
from hypothesis import strategies as st

from objparse.rules.fill import fill

slots = st.lists(st.one_of(st.none(), st.integers(0, 9)), max_size=30)


def nearest(values, scopes, i, step):
    """The nearest value from slot i in the direction `step`, within i's run of equal scopes."""
    j = i + step
    while 0 <= j < len(values) and all(scopes[k] == scopes[k - 1] for k in range(min(i, j) + 1, max(i, j) + 1)):
        if values[j] is not None:
            return values[j]
        j += step
    return None


@settings(deadline=None)
@given(slots, st.data(), st.booleans())
def test_each_slot_takes_the_nearest_value_in_its_scope(values, data, below):
    scopes = data.draw(st.lists(st.integers(0, 2), min_size=len(values), max_size=len(values)))
    got = fill(values, scopes, below=below)
    for i, value in enumerate(values):
        expected = value
        if expected is None:
            expected = nearest(values, scopes, i, -1)
        if expected is None and below:
            expected = nearest(values, scopes, i, 1)
        assert got[i] == expected, (i, values, scopes, got)


@settings(deadline=None)
@given(slots, st.booleans())
def test_no_scopes_is_one_scope(values, below):
    assert fill(values, below=below) == fill(values, [0] * len(values), below=below)
