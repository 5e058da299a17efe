# Resilient Cities site. The two commands: `make build` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
# Stamp of the system check (setup/system-packages.sh): made again when the script changes or after
# `make clean`, not on every build. A library removed later is reported by the build's own checks.
SYSTEM := .cache/system-packages.ok
# npm 10, pinned by tools/npm/package-lock.json and installed with Debian's npm, installs the Node tools below:
# Debian 12's npm 9.2 stops on Lighthouse's lock file (its overrides of "latest" dependencies).
NPM_TOOLS := tools/npm
NPM_READY := $(NPM_TOOLS)/node_modules/.ready
NPM := $(CURDIR)/$(NPM_TOOLS)/node_modules/.bin/npm
# Lighthouse, pinned by tools/lighthouse/package-lock.json (never a browser).
NODE_TOOLS := tools/lighthouse
NODE_READY := $(NODE_TOOLS)/node_modules/.ready
# The Nu Html Checker's jar (tools/vnu/package-lock.json), run with Debian's Java; its install script, which
# downloads a JDK, is not run.
VNU_TOOLS := tools/vnu
VNU_READY := $(VNU_TOOLS)/node_modules/.ready
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: build test serve linkcheck-external lock clean setup

## build: check the sources, build into a temporary folder, check the HTML, then swap into site/
build: setup
	$(BIN)/python -m scripts build $(BUILD_ARGS)

## test: the whole test suite (browser tests included: Debian's Chromium and its headless shell), on every core (pytest-xdist)
# TEST_JOBS="-n 0" runs it in one process. Whole files go to each process (their Chromium pages and built
# copies); not loadgroup: pytest-xdist 3.8 cannot group tests under pytest 9 (it renames a node id pytest no longer reads).
# --no-loadscope-reorder: the files go out in the order tests/conftest.py gives (the slow ones first), not
# xdist's own (the files with the most tests first), which left a long file for the end.
TEST_JOBS ?= -n auto --dist loadfile --no-loadscope-reorder
test: setup
	$(BIN)/python -m pytest $(TEST_JOBS) $(TEST_ARGS)

## test-fast: the tests that need no browser and no whole build (-m "not slow"), on every core, in under a minute
.PHONY: test-fast
test-fast: setup
	$(BIN)/python -m pytest $(TEST_JOBS) -m "not slow" $(TEST_ARGS)

## serve: live preview on http://127.0.0.1:8000/; each save checks the sources (terminal, and a banner on the page)
serve: setup
	$(BIN)/python -m scripts serve $(SERVE_ARGS)

## new-page: a page in both languages, in the menu: make new-page NAME=local-services TITLE_FR="…" TITLE_EN="…"
.PHONY: new-page new-booklet
new-page: setup
	$(BIN)/python -m scripts new-page "$$NAME" --title "fr=$$TITLE_FR" --title "en=$$TITLE_EN"

## new-booklet: a booklet in both languages, every field marked TO FILL: make new-booklet SLUG=lyon-2026
new-booklet: setup
	$(BIN)/python -m scripts new-booklet "$$SLUG"

## zim: the build, and the whole site as one ZIM file for Kiwix: site/resilient-cities.zim
.PHONY: zim
zim: setup
	$(BIN)/python -m scripts build --zim $(BUILD_ARGS)

## linkcheck-external: also check links to other sites (needs the network)
linkcheck-external: setup
	$(BIN)/python -m scripts build --check-external

## i18n-status: each page's translation state from git history (I18N_ARGS="--strict" or "--format json")
.PHONY: i18n-status
i18n-status: setup
	$(BIN)/python -m scripts i18n-status $(I18N_ARGS)

## readability: sentence length and rare words per page and language (READABILITY_ARGS="--format json")
.PHONY: readability
readability: $(READY)
	$(BIN)/python -m scripts readability $(READABILITY_ARGS)

## bench: time plain MkDocs and our pipeline on generated sites of 50, 200, 800 pages (BENCH_ARGS="--sizes 50 --runs 1")
.PHONY: bench
bench: setup
	$(BIN)/python -m scripts bench $(BENCH_ARGS)

## weight: each built page's requests and bytes on a first visit, in Chromium (gzip, as a host serves it)
.PHONY: weight
weight: setup
	$(BIN)/python -m scripts weight $(WEIGHT_ARGS)

## slow-phone: first paint, "usable" and bytes of the main pages on a slow phone (400 ms, 400 kbit/s, gzip), FR and EN
.PHONY: slow-phone
slow-phone: setup
	$(BIN)/python -m scripts slow-phone $(SLOW_PHONE_ARGS)

## critical-css: after 'make build', the rules the pages show first into overrides/partials/critical.css (then build again)
.PHONY: critical-css
critical-css: setup
	$(BIN)/python -m scripts.dev.critical_css

## lighthouse: Lighthouse's four scores on 10 built pages (home, FAQ, eligibility, programme, a booklet; FR and EN)
.PHONY: lighthouse
lighthouse: setup
	$(BIN)/python -m scripts lighthouse $(LIGHTHOUSE_ARGS)

## fresh-test: what CI runs (.ci/run, as root): the two commands in a clean Debian 12 root made for the run
.PHONY: fresh-test
fresh-test:
	bash .ci/run

## judges: the outside judges (vnu, PDF/UA-1, Grammalecte, lychee, zizmor) on site/, as the tests run them
.PHONY: judges
judges: setup
	$(BIN)/python -m scripts judges $(JUDGES_ARGS)

## setup: the system packages (installed as root, else the line to run), .venv, Lighthouse and vnu
setup: $(SYSTEM) $(READY) $(NODE_READY) $(VNU_READY)

$(NPM_READY): $(NPM_TOOLS)/package-lock.json $(NPM_TOOLS)/package.json | $(SYSTEM)
	cd $(NPM_TOOLS) && npm ci --ignore-scripts --no-audit --no-fund
	touch $(NPM_READY)

$(SYSTEM): setup/system-packages.sh
	PYTHON=$(PYTHON) bash setup/system-packages.sh
	mkdir -p $(@D) && touch $@

# Lighthouse from the lock file, exactly (made again when the lock changes). Needs node and npm (Debian's).
$(NODE_READY): $(NODE_TOOLS)/package-lock.json $(NODE_TOOLS)/package.json $(NPM_READY)
	cd $(NODE_TOOLS) && PUPPETEER_SKIP_DOWNLOAD=1 $(NPM) ci --no-audit --no-fund
	touch $(NODE_READY)

$(VNU_READY): $(VNU_TOOLS)/package-lock.json $(VNU_TOOLS)/package.json $(NPM_READY)
	cd $(VNU_TOOLS) && $(NPM) ci --ignore-scripts --no-audit --no-fund
	touch $(VNU_READY)

# The virtual environment, from the lock file of exact versions (made again when the lock changes).
# It needs python3-venv, hence the system check first (order only: a new check keeps the venv).
$(READY): requirements.lock pyproject.toml | $(SYSTEM)
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	$(BIN)/pip check
	touch $(READY)

## lock: resolve requirements.in again into requirements.lock
lock: $(SYSTEM)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# Exact versions of every package in .venv (generated by 'make lock' from requirements.in)."; \
	  .lock-venv/bin/pip freeze --all --exclude-editable | grep -v '^pip=='; } > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site .site-* .cache $(NPM_TOOLS)/node_modules $(NODE_TOOLS)/node_modules $(VNU_TOOLS)/node_modules
