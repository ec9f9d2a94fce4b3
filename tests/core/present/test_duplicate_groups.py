"""Joining a list's near-duplicate pairs into groups in the list's order."""

from array import array

from tuireader.core.present.duplicate_groups import groups_of_pairs


def test_pairs_join_into_groups_in_the_lists_order_within_the_list_only():
    ids = array("q", [9, 4, 7, 1, 3, 8])
    pairs = [(1, 4), (4, 7), (3, 5), (2, 6), (8, 9)]  # 5, 2 and 6 are not listed
    assert groups_of_pairs(ids, pairs) == [[9, 8], [4, 7, 1]]
    assert groups_of_pairs([7, 1, 4], iter(pairs)) == [[7, 1, 4]]


def test_no_pairs_no_groups():
    assert groups_of_pairs(array("q", range(10)), []) == []
    assert groups_of_pairs([1, 2], [(3, 4)]) == []
