# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The matcher's per-hit work compiled: `candidates` and `assess`, character loops in C.

Each gives exactly what its Python definition gives (`candidates.candidates`,
`negation.assess`; tests/detect/test_same_results.py holds them to it): the word
lists and the rare regexes are read from those modules, so they are written once.
Only the scanning is here: a Python loop costs about a microsecond per step,
which was most of the detector's time at five hits per document.
"""

from cpython.unicode cimport PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ

from zicht.detect import candidates as _candidates
from zicht.detect import negation as _negation

cdef Py_ssize_t REGEX_BEFORE = _candidates.REGEX_BEFORE
cdef Py_ssize_t REGEX_AFTER = _candidates.REGEX_AFTER
cdef object BY_END = _candidates.BY_END
cdef Py_ssize_t CLAUSE_REACH = 80
cdef Py_ssize_t AFTER_REACH = 60
cdef Py_ssize_t SCOPE = _negation.SCOPE

cdef frozenset NEGATIONS = _negation.NEGATIONS
cdef frozenset DENIALS = _negation.DENIALS
cdef frozenset REPORTING = _negation.REPORTING
cdef frozenset CUES = _negation._CUES
cdef object AFTER = _negation._AFTER
cdef object Assessment = _negation.Assessment
cdef object PLAIN = _negation._PLAIN


cdef struct Text:
    # A str's characters, read in place: PyUnicode_READ, no bounds check, no object.
    int kind
    void *data
    Py_ssize_t length


cdef inline Text _text(str text):
    cdef Text t
    t.kind = PyUnicode_KIND(text)
    t.data = PyUnicode_DATA(text)
    t.length = len(text)
    return t


cdef inline Py_UCS4 _at(Text t, Py_ssize_t i):
    return PyUnicode_READ(t.kind, t.data, i)


cdef enum:
    MAX_WORDS = 16
    MAX_LETTERS = 16


cdef class Words:
    """Plain ASCII words (joined by "|" in the negation module), found with a first-letter table."""

    cdef char letters[MAX_WORDS][MAX_LETTERS]
    cdef Py_ssize_t sizes[MAX_WORDS]
    cdef int count
    cdef bint first[128]

    def __init__(self, str joined):
        cdef bytes encoded
        words = joined.split("|")
        if len(words) > MAX_WORDS or max(len(w) for w in words) > MAX_LETTERS:
            raise ValueError(f"too many or too long words for the scanner: {joined!r}")
        for byte in range(128):
            self.first[byte] = False
        self.count = len(words)
        for number, word in enumerate(words):
            encoded = word.encode("ascii")
            self.sizes[number] = len(encoded)
            for k in range(len(encoded)):
                self.letters[number][k] = encoded[k]
            self.first[encoded[0]] = True

    cdef inline Py_ssize_t length_at(self, Text t, Py_ssize_t i, Py_ssize_t high):
        """The length of the word that starts at i and ends by `high`, or 0."""
        cdef Py_UCS4 c = _at(t, i)
        cdef Py_ssize_t k, size
        cdef int number
        if c >= 128 or not self.first[c]:
            return 0
        for number in range(self.count):
            size = self.sizes[number]
            if i + size > high or <Py_UCS4>self.letters[number][0] != c:
                continue
            for k in range(1, size):
                if _at(t, i + k) != <Py_UCS4>self.letters[number][k]:
                    break
            else:
                return size
        return 0

    cdef bint within(self, Text t, Py_ssize_t low, Py_ssize_t high):
        """Whether one of the words lies wholly inside [low, high)."""
        cdef Py_ssize_t i
        cdef Py_UCS4 c
        if high > t.length:
            high = t.length
        for i in range(low, high):
            c = _at(t, i)
            if c < 128 and self.first[c] and self.length_at(t, i, high):
                return True
        return False


cdef Words CONJUNCTIONS = Words(_negation._CONJUNCTION.pattern)
cdef Words AFTER_HINTS = Words(_negation._AFTER_HINT.pattern)


def candidates(list matches, list values, str folded, dict windows):
    """As `candidates.candidates`: literal hits, and triggered regex windows into `windows`."""
    cdef list raw = []
    cdef list spans
    cdef tuple match, value, entries, triggers, entry, previous
    cdef Text t = _text(folded)
    cdef Py_ssize_t size = t.length, last, start, end, low, high
    cdef Py_UCS4 before
    for match in sorted(matches, key=BY_END):
        value = <tuple>values[<Py_ssize_t>match[0]]
        entries = <tuple>value[0]
        triggers = <tuple>value[1]
        start = match[1]
        last = <Py_ssize_t>match[2] - 1
        before = _at(t, start - 1) if start > 0 else u" "
        if before.isalpha():
            continue
        for number in triggers:
            low = start - REGEX_BEFORE if start > REGEX_BEFORE else 0
            high = last + 1 + REGEX_AFTER
            if high > size:
                high = size
            spans = windows.get(number)
            if spans is None:
                spans = windows[number] = []
            if spans:
                previous = <tuple>spans[len(spans) - 1]
                if low <= <Py_ssize_t>previous[1]:
                    spans[len(spans) - 1] = (previous[0], high)  # overlapping windows merge
                    continue
            spans.append((low, high))
        if not entries or before.isalnum():
            continue
        for entry in entries:
            end = last + 1
            if entry[3]:  # a prefix pattern takes the rest of the word
                while end < size and _at(t, end).isalnum():
                    end += 1
            elif end < size and _at(t, end).isalnum():
                continue
            raw.append((start, end, entry[0], entry[1], entry[2]))
    return raw


cdef inline bint _punctuation(Py_UCS4 c):
    return c in u".;:!?()[]\n,"


cdef inline bint _word_char(Py_UCS4 c):
    return (u"a" <= c <= u"z") or (u"0" <= c <= u"9") or c == u"'"


cdef Py_ssize_t _after_conjunction(Text t, Py_ssize_t tail, Py_ssize_t start):
    """Where the clause starts once `\\s(maar|...)\\s` splits it, as `re.split` reads left to right."""
    cdef Py_ssize_t i = tail, size, begin = tail
    while i < start:
        if _at(t, i).isspace() and i + 1 < start:
            size = CONJUNCTIONS.length_at(t, i + 1, start)
            if size and i + 1 + size < start and _at(t, i + 1 + size).isspace():
                begin = i = i + 2 + size
                continue
        i += 1
    return begin


cdef dict ASSESSMENTS = {}  # (negated, cue, reported) -> its Assessment, built once each


cdef object _assessment(bint negated, object cue, object reported):
    """A shared Assessment (they are immutable): building a named tuple costs far more."""
    key = (negated, cue, reported)
    found = ASSESSMENTS.get(key)
    if found is None:
        found = ASSESSMENTS[key] = Assessment(negated, cue, reported)
    return found


cdef bint _read_words(str text, Text t, Py_ssize_t low, Py_ssize_t high, list words) except -1:
    """The words ([a-z0-9']+) of text[low:high] into `words`: whether one is a cue or has "n't"."""
    cdef Py_ssize_t i = low, first
    cdef bint cued = False
    cdef str word
    while i < high:
        if _word_char(_at(t, i)):
            first = i
            while i < high and _word_char(_at(t, i)):
                if _at(t, i) == u"'" and i > first and _at(t, i - 1) == u"n" \
                        and i + 1 < high and _at(t, i + 1) == u"t":
                    cued = True  # a contraction ("isn't") reads as a cue
                i += 1
            word = text[first:i]
            words.append(word)
            if not cued and word in CUES:
                cued = True
        else:
            i += 1
    return cued


def assess(str text, Py_ssize_t start, Py_ssize_t end):
    """As `negation.assess`: whether [start, end) is negated, and by which cue; who reports it."""
    cdef Text t = _text(text)
    cdef Py_ssize_t low = start - CLAUSE_REACH if start > CLAUSE_REACH else 0
    cdef Py_ssize_t tail = start, first, clause
    cdef list words = []
    cdef str word
    cdef object reported = None, after
    # The clause: after the last punctuation mark before the hit, within reach.
    while tail > low and not _punctuation(_at(t, tail - 1)):
        tail -= 1
    # A clause without a cue reads the same once a conjunction splits it (its words are
    # a tail of these), so the split is looked for only when there is a cue.
    if _read_words(text, t, tail, start, words):
        if CONJUNCTIONS.within(t, tail, start):
            clause = _after_conjunction(t, tail, start)
            if clause != tail:
                words = []
                if not _read_words(text, t, clause, start, words):
                    words = []  # no cue left once split: nothing to read
        for word in words:
            if word in REPORTING:
                reported = word
                break
        for word in words:
            if word in DENIALS:
                return _assessment(True, word, reported)
        # The last SCOPE words, nearest first (indices spelt out: no wraparound here).
        first = len(words) - SCOPE if len(words) > SCOPE else 0
        for word in reversed(words[first:]):
            if word in NEGATIONS or word.endswith("n't"):
                return _assessment(True, word, reported)
    if AFTER_HINTS.within(t, end, end + AFTER_REACH):
        after = AFTER.match(text[end : end + AFTER_REACH])
        if after is not None:
            return _assessment(True, after.group().strip(), reported)
    return PLAIN if reported is None else _assessment(False, None, reported)
