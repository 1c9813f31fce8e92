"""Builds the detector's compiled parts; everything else is declared in pyproject.toml.

All are optional: without a C compiler zicht installs and runs the same Python.
`_scan` and `_hashing` are written for Cython; `_explain` is `explain.py` compiled
as it stands. `_hashing` must round as scipy does: no fused multiply-add.
"""

from Cython.Build import cythonize
from setuptools import Extension, setup

sources = [
    Extension("zicht.detect._scan", ["src/zicht/detect/_scan.pyx"]),
    Extension("zicht.detect._explain", ["src/zicht/detect/explain.py"]),
    Extension(
        "zicht.detect._hashing",
        ["src/zicht/detect/_hashing.pyx"],
        extra_compile_args=["-ffp-contract=off"],
    ),
]
compiled = cythonize(sources, compiler_directives={"language_level": "3"})
for extension in compiled:
    extension.optional = True  # set after cythonize, which does not carry it over
setup(ext_modules=compiled)
