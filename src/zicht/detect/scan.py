"""The matcher's per-hit work: compiled where the C extension was built, else in Python.

`_scan.pyx` is built by `pip install` when a C compiler is at hand (it is optional,
so zicht still installs without one); both give the same results, and the tests
hold the compiled functions to the Python definitions.
"""

from __future__ import annotations

try:
    from zicht.detect._scan import assess, candidates

    COMPILED = True
except ImportError:  # no C compiler at install time
    from zicht.detect.candidates import candidates
    from zicht.detect.negation import assess

    COMPILED = False

__all__ = ["COMPILED", "assess", "candidates"]
