# The single entry point. Every target creates .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORE := $(VENV)/.installed-core
TEST := $(VENV)/.installed-test
PYTEST_ARGS ?=

.PHONY: demo test lint bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(CORE): $(BIN)/python pyproject.toml setup.py src/zicht/detect/_scan.pyx src/zicht/detect/_hashing.pyx src/zicht/detect/explain.py
	$(BIN)/python -m pip install --quiet -e .
	@touch $(CORE)

# The test extras, plus system packages the tests drive (Debian's Chromium).
$(TEST): $(BIN)/python pyproject.toml setup.py src/zicht/detect/_scan.pyx src/zicht/detect/_hashing.pyx src/zicht/detect/explain.py scripts/system-deps.sh
	$(BIN)/python -m pip install --quiet -e '.[test]'
	bash scripts/system-deps.sh
	@touch $(TEST) $(CORE)

install: $(TEST)

demo: $(CORE)
	$(BIN)/zicht demo

test: $(TEST)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(TEST)
	$(BIN)/ruff check src tests benchmarks setup.py
	$(BIN)/ruff format --check src tests benchmarks setup.py
	$(BIN)/mypy

bench: $(TEST)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
