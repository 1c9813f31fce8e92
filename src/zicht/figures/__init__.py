"""Figures and estimates: annual figures, the dark number, forecasts, throughput times, charts.

`annual` counts linked persons with DuckDB and publishes only suppressed tables;
`mse`, `forecast`, `throughput` and `suppression` are pure libraries over counts or
dates; `charts` and `report` present what `annual` publishes, on the web page and in
the report alike. Numbers come from persons and cases, never raw documents.
"""
