"""Figures and estimates: the dark number, forecasts, suppression and throughput times.

Everything here is a pure library over tables of counts or dates; the numbers it
is fed come from linked persons and cases (never raw documents), and what a
researcher sees passes through `zicht.figures.suppression` first.
"""
