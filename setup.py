"""Builds the detector's compiled parts; everything else is declared in pyproject.toml.

Both are optional: without a C compiler zicht installs and runs the same Python.
`_scan` is written for Cython; `_explain` is `explain.py` compiled as it stands.
"""

from Cython.Build import cythonize
from setuptools import Extension, setup

compiled = [
    Extension("zicht.detect._scan", ["src/zicht/detect/_scan.pyx"], optional=True),
    Extension("zicht.detect._explain", ["src/zicht/detect/explain.py"], optional=True),
]
setup(ext_modules=cythonize(compiled, compiler_directives={"language_level": "3"}))
