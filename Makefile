# The two commands a new user needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
export PIP_CONSTRAINT := $(CURDIR)/constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install index run test eval bench calibrate screenshots clean

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "Pressline needs Python 3.11 ($(PYTHON) not found); set PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade "pip==25.3"
	# torch first: the CPU build (on local disk here), so nothing pulls a multi-GB CUDA build.
	$(PIP) install --quiet "torch==2.13.0"
	$(PIP) install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Exit 3 means some files could not be ingested (each is named above); the rest is served.
index: install
	$(PY) -m ingest --if-stale || [ $$? -eq 3 ]

run: index
	$(PY) -m ui.serve --server.address 127.0.0.1 --browser.gatherUsageStats false --server.headless true

test: install
	$(PY) -m pytest

eval: install
	$(PY) -m evals --write-readme
	$(PY) -m evals.bench --write-readme

bench: install
	$(PY) -m evals.bench --write-readme

calibrate: install
	$(PY) -m evals.calibrate

# The README's screenshots, taken by the browser tests (tests/output/) and copied into docs/.
screenshots: install
	$(PY) -m pytest -q tests/test_app_browser.py -k "ask or draft"
	cp tests/output/ask.png docs/screenshot-ask.png
	cp tests/output/draft.png docs/screenshot-draft.png

clean:
	rm -rf $(VENV) data
