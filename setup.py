"""Builds the detector's compiled scanner; everything else is declared in pyproject.toml."""

from Cython.Build import cythonize
from setuptools import Extension, setup

scanner = Extension("zicht.detect._scan", ["src/zicht/detect/_scan.pyx"], optional=True)
setup(ext_modules=cythonize([scanner], compiler_directives={"language_level": "3"}))
