"""The template behind a cluster of near-duplicate ads, and the slots that change.

InfoShield explains a cluster by its template and the slots filled in per ad; this does
the same with a star alignment: every text is aligned word by word (difflib) to the
cluster's medoid, words that (nearly) all texts share are the template, the rest are slots
with the values each ad put there. Enough for an analyst to see "same text, other name and
city"; not a minimum-description-length model.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from zicht.link.text.shingles import normalise

MAX_TEXTS = 60  # alignment is quadratic in words and linear in texts: a sample explains it


@dataclass(frozen=True, slots=True)
class Segment:
    """Template text (`kind="fixed"`) or a slot with the distinct values ads put there."""

    kind: str
    text: str = ""
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    segments: tuple[Segment, ...]
    texts: int
    medoid: int  # index (in the given texts) of the text the others were aligned to
    coverage: float = field(default=0.0)  # share of the medoid's words that are template

    def render(self, slot: str = "[{}]") -> str:
        parts = [
            s.text if s.kind == "fixed" else slot.format("|".join(s.values)) for s in self.segments
        ]
        return " ".join(p for p in parts if p)


def _medoid(words: list[list[str]]) -> int:
    sample = words[:20]
    best, best_score = 0, -1.0
    for i, a in enumerate(sample):
        score = sum(SequenceMatcher(None, a, b, autojunk=False).ratio() for b in sample)
        if score > best_score:
            best, best_score = i, score
    return best


_PUNCT = ".,;:!?()[]{}\"'"


def _key(word: str) -> str:
    """What two words must share to align: case, accents and edge punctuation do not count
    (an ad in capitals is the same template; `Tilburg.` and `tilburg` are one word)."""
    return normalise(word).strip(_PUNCT) or word


def align(texts: list[str], *, fixed_share: float = 0.8) -> Template:
    """Template and slots of near-duplicate `texts` (a sample of MAX_TEXTS if more)."""
    shown = [t.split() for t in texts[:MAX_TEXTS]]
    if not shown:
        return Template((), 0, 0)
    words = [[_key(w) for w in row] for row in shown]
    centre = _medoid(words)
    base = words[centre]
    n = len(base)
    matched = [1] * n  # the medoid matches itself
    # aligned[t][i]: what text t has at base word i; tail[t][i]: what it inserts after it.
    aligned: list[list[str]] = []
    for t, other in enumerate(words):
        original = shown[t]
        row = [""] * (n + 1)  # slot n holds words inserted before the first base word
        matcher = SequenceMatcher(None, base, other, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for k in range(i2 - i1):
                    row[i1 + k] = original[j1 + k]
                    if t != centre:
                        matched[i1 + k] += 1
            elif op == "insert":
                key = i1 - 1 if i1 > 0 else n
                row[key] = (row[key] + " " + " ".join(original[j1:j2])).strip()
            elif op == "replace":
                row[i1] = " ".join(original[j1:j2])
            # delete: the base words stay empty for this text
        aligned.append(row)
    fixed = [m >= fixed_share * len(words) for m in matched]
    segments: list[Segment] = []
    i = 0
    while i < n:
        j = i
        while j < n and fixed[j] == fixed[i]:
            j += 1
        if fixed[i]:  # shown as most texts write it (the medoid may be the one in capitals)
            forms = [Counter(row[k] for row in aligned if row[k]) for k in range(i, j)]
            text = " ".join(
                f.most_common(1)[0][0] if f else base[k] for k, f in enumerate(forms, i)
            )
            segments.append(Segment("fixed", text))
        else:
            values = {" ".join(w for w in row[i:j] if w).strip() for row in aligned}
            segments.append(Segment("slot", values=tuple(sorted(values))))
        i = j
    coverage = sum(fixed) / n if n else 0.0
    return Template(tuple(segments), len(words), centre, round(coverage, 3))
