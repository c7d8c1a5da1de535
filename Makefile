# Everything runs inside a local virtualenv (.venv) that the first target creates.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
PYTHON  ?= python3
# mkdocs or properdocs (the maintained continuation of MkDocs 1.x): both read mkdocs.yml and run Material.
SITE_BUILDER ?= mkdocs
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build validate test schema new-case stale bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## make serve [SITE_BUILDER=properdocs]: build and serve the site on http://127.0.0.1:8000, rebuilding when a case
## changes; while a record has problems, the terminal and the browser list them (generator/mkdocs/hook.py), so serve starts anyway
serve: $(STAMP)
	$(PY) -m $(SITE_BUILDER) serve --livereload --dev-addr 127.0.0.1:8000

## make build [SITE_BUILDER=properdocs]: validate, then build into site/ (the old site stays if anything fails)
build: $(STAMP)
	$(PY) -m generator build --builder $(SITE_BUILDER)

## make validate: check every case and template; one line per problem, exit 1 on any
validate: $(STAMP)
	$(PY) -m generator validate

## make test: the whole test suite, browser tests included (axe-core and the Nu Html Checker from npm)
test: $(STAMP) node_modules/.package-lock.json
	$(PY) -m pytest

# npm ci only when node_modules is missing or package-lock.json is newer. --ignore-scripts: vnu-jar's
# install script would download a Java runtime; the tests use the machine's java.
node_modules/.package-lock.json: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

schema: $(STAMP)
	$(PY) -m generator schema

## make new-case SLUG=min-kommune: a commented starter record in cases/
new-case: $(STAMP)
	$(PY) -m generator new -- "$(SLUG)"

stale: $(STAMP)
	$(PY) -m generator stale

## make bench: build from 10 to 5,000 synthetic cases, beside plain MkDocs + Material (BENCH_ARGS="--sizes 10,100")
bench: $(STAMP)
	$(PY) benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf site .cache .pytest_cache
