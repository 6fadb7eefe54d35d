from __future__ import annotations

from stories_helpers import body, copies, syndicated, syndicated_stream

from wirecoder.stories import DuplicateIndex, StoryIndex
from wirecoder.stories.dedup import estimate, signature


def test_signature_estimates_containment_of_trimmed_copy():
    art = syndicated()[0]
    full, trimmed = body(art["paragraphs"]), body(art["paragraphs"][:2])
    s1, n1 = signature(full)
    s2, n2 = signature(trimmed)
    j, c = estimate(s1, n1, s2, n2)
    assert n2 < n1
    assert j < 0.7  # a trimmed copy loses Jaccard ...
    assert c > 0.8  # ... but stays contained in the original


def test_every_edited_copy_found_and_no_false_merge():
    idx = StoryIndex()
    stream = syndicated_stream()
    for a in stream:
        idx.assign(a)
    originals = {a["id"] for a in syndicated()}
    copy_ids = [a.article.id for a in stream if a.article.id not in originals]
    found = sum(idx.duplicate_of(c) == c.split("~")[0] for c in copy_ids)
    wrong = [c for c in copy_ids if idx.duplicate_of(c) not in (None, c.split("~")[0])]
    assert len(copy_ids) == 6 * len(originals) >= 90
    assert found / len(copy_ids) >= 0.98
    assert wrong == []
    assert all(idx.duplicate_of(o) is None for o in originals)
    # a copy is a mention of its original: same story, and no new story opened for it
    for c in copy_ids:
        assert idx.story_of(c) == idx.story_of(c.split("~")[0])
    assert len({idx.story_of(o) for o in originals}) == len(originals)


def test_originals_on_the_same_topic_are_not_copies():
    idx = DuplicateIndex()
    for a in syndicated():
        assert idx.add(a["id"], body(a["paragraphs"])) is None


def test_short_texts_are_never_copies():
    idx = DuplicateIndex()
    assert idx.add("h1", "Earthquake hits Peru") is None
    assert idx.add("h2", "Earthquake hits Peru") is None


def test_duplicate_index_round_trip():
    idx = DuplicateIndex()
    art = syndicated()[3]
    idx.add(art["id"], body(art["paragraphs"]))
    back = DuplicateIndex.from_state(idx.to_state())
    cid, _, text = copies(art)[2]
    m = back.add(cid, text)
    assert m is not None and m.duplicate_of == art["id"] and m.jaccard > 0.5
