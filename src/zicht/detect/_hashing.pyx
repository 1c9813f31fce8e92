# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The learned scorer's n-gram part in one pass: `transform(texts) @ weights`, no matrix.

Gives exactly what `ngrams.transform(texts, n) @ weights` gives (the tests hold it
to that, bit for bit): the same hash of every n-gram, added in the same order, as
scipy's sparse product adds them. Building the sparse matrix and multiplying it
cost a fifth of detection with a model; here each n-gram's weights are added
where it is hashed. `setup.py` builds it without floating-point contraction, so
that a multiply-add rounds as scipy's does.
"""

import numpy as np

from libc.math cimport sqrt
from libc.stdint cimport int64_t, uint32_t

from zicht.detect import ngrams as _ngrams

cdef Py_ssize_t SMALLEST = min(_ngrams.SIZES)
cdef Py_ssize_t LARGEST = max(_ngrams.SIZES)
cdef uint32_t PRIME = int(_ngrams._PRIME)
cdef uint32_t MIX = int(_ngrams._MIX)
cdef uint32_t SHIFT = int(_ngrams._SHIFT)

if tuple(_ngrams.SIZES) != tuple(range(SMALLEST, LARGEST + 1)):
    raise ImportError("the compiled n-gram product needs consecutive n-gram sizes")


def product(const uint32_t[::1] points, const int64_t[::1] lengths, const double[:, ::1] weights):
    """Per text (its code points end to end in `points`), the sum of its n-grams' weight rows,
    each scaled by 1/sqrt(its number of n-grams)."""
    cdef Py_ssize_t texts = lengths.shape[0], width = weights.shape[1]
    cdef uint32_t mask = <uint32_t>(weights.shape[0] - 1)
    out = np.zeros((texts, width), dtype=np.float64)
    cdef double[:, ::1] sums = out
    cdef Py_ssize_t text, position, n, k, start = 0, end, count, length
    cdef uint32_t state, mixed, bucket
    cdef double scale
    for text in range(texts):
        length = lengths[text]
        end = start + length
        count = 0
        for n in range(SMALLEST, LARGEST + 1):
            if length - n + 1 > 0:
                count += length - n + 1
        scale = 1.0 / sqrt(<double>(count if count > 1 else 1))
        for position in range(start, end):
            state = points[position]
            for n in range(2, LARGEST + 1):
                if position + n > end:
                    break
                state = state * PRIME + points[position + n - 1]
                if n >= SMALLEST:
                    mixed = (state ^ <uint32_t>n) * MIX
                    mixed = mixed ^ (mixed >> SHIFT)
                    bucket = mixed & mask
                    for k in range(width):
                        sums[text, k] += scale * weights[bucket, k]
        start = end
    return out
