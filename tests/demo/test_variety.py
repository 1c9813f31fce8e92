"""The text varies enough that a detector cannot learn the generator's templates."""

from __future__ import annotations

import re
from collections import Counter

from zicht.demo.world import World


def _sentences(text: str) -> list[str]:
    """Split at an end mark before a capital or at a line break ('betr.' does not end one)."""
    parts = re.split(r"(?<=[.;!?])\s+(?=[A-Z])|\n", text)
    return [s.strip(" .;").lower() for s in parts if len(s.strip()) > 3]


def _skeleton(sentence: str) -> str:
    """A sentence with its numbers and names taken out: roughly the template it came from."""
    return re.sub(r"\d+|'[^']*'", "#", sentence)


def test_positive_mutations_have_many_distinct_sentences(default_world: World) -> None:
    positives = [m.text for m in default_world.mutations if m.label]
    sentences = [s for text in positives for s in _sentences(text)]
    assert len(set(sentences)) > 0.85 * len(sentences)
    trigrams = {tuple(s.split()[i : i + 3]) for s in sentences for i in range(len(s.split()) - 2)}
    assert len(trigrams) > 3000


def test_no_template_covers_most_positive_mutations(default_world: World) -> None:
    positives = [m.text for m in default_world.mutations if m.label]
    per_doc = Counter(sk for text in positives for sk in {_skeleton(s) for s in _sentences(text)})
    assert per_doc.most_common(1)[0][1] < 0.1 * len(positives)


def test_positives_and_negatives_share_vocabulary(default_world: World) -> None:
    def words(label: int) -> Counter[str]:
        return Counter(
            w
            for m in default_world.mutations
            if m.label == label
            for w in set(re.findall(r"\w+", m.text.lower()))
        )

    pos, neg = words(1), words(0)
    for cue in ("schuld", "paspoort", "werkgever", "uitbuiting", "vriend", "minderjarige"):
        assert neg[cue] > 0, cue
    shared = [w for w, n in pos.most_common(200) if neg[w] > 0]
    assert len(shared) > 160


def test_every_form_and_language_is_present(default_world: World) -> None:
    forms = Counter(m.form for m in default_world.mutations if m.label)
    assert set(forms) == {"sexual", "labour", "criminal", "other"}
    chat_forms = Counter(c.form for c in default_world.chats if c.label)
    assert {"sexual", "labour", "criminal", "other"} <= set(chat_forms)
    langs = Counter(c.lang for c in default_world.chats)
    assert {"nl", "en", "pl", "ro", "uk", "es"} <= set(langs)
    assert 0.2 < sum(c.label for c in default_world.chats) / len(default_world.chats) < 0.5


def test_ads_mix_languages_and_network_templates_differ(default_world: World) -> None:
    ads = default_world.ads
    assert {"nl", "en"} <= {a.lang for a in ads}
    mixed = [
        a
        for a in ads
        if " ik " in f" {a.history[0].text.lower()} " and " i " in f" {a.history[0].text.lower()} "
    ]
    assert len(mixed) > 50
    firsts = {_skeleton(_sentences(a.history[0].text)[0]) for a in ads if a.label}
    assert len(firsts) > 0.5 * sum(a.label for a in ads)
