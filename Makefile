# Werkvrede: the single entry point. `make run` serves the demo, `make test` runs every test.
SHELL := /bin/sh
export UV_PYTHON_DOWNLOADS := never
# Keep Python's bytecode cache even where the environment turns it off: without it every test worker
# and every `manage.py` a test starts compiles Django and the suite again (ADR 0067).
unexport PYTHONDONTWRITEBYTECODE
# Compile the environment's bytecode once when it is installed: otherwise the first test processes of
# a fresh checkout each compile Django and the libraries at the same time (ADR 0202).
export UV_COMPILE_BYTECODE := 1
UV := $(shell sh tools/bootstrap-uv.sh)
PY := .venv/bin/python
MANAGE := $(PY) manage.py
PYTEST_ARGS ?=
# Test processes per pass (pytest-xdist; each has its own test database); 0 runs one process.
TEST_WORKERS ?= 2
# An idle process takes half of a busy one's queue, so both end together (ADR 0202).
XDIST = -n $(TEST_WORKERS) $(if $(filter 0,$(TEST_WORKERS)),,--dist worksteal)

.PHONY: env run test test-sqlite test-postgres test-fast fuzz soak check messages translations bench bench-guideline bench-mix clean screenshots

env: .venv/.synced

.venv/.synced: pyproject.toml uv.lock
	$(UV) sync --locked --quiet
	@touch $@

translations: env
	@$(MANAGE) compile_translations

run: env translations
	@mkdir -p data
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@sh tools/run-dev.sh

# The README's screenshots (docs/screenshots/), from the demo that `make run` serves in another terminal.
screenshots: env
	$(PY) tools/screenshots.py $(or $(BASE_URL),http://127.0.0.1:8000)

# Each pass runs everything except the one set that tells more on the other database (ADR 0067): the
# browser walks run on SQLite (what `make run` serves), the API fuzzing on PostgreSQL (production, the
# stricter database), as do the tests marked `postgres` (e.g. the query plans, ADR 0189). Without a
# PostgreSQL server everything runs on SQLite. The long loads marked `soak` run only in `make soak`.
test: env translations
	@if $(PY) tools/postgres_available.py 2>/dev/null; then \
		$(MAKE) --no-print-directory test-sqlite MARKS="not fuzz and not soak and not postgres" && \
		$(MAKE) --no-print-directory test-postgres MARKS="not browser and not matrix and not soak"; \
	else \
		$(MAKE) --no-print-directory test-sqlite MARKS="not soak" && \
		$(MAKE) --no-print-directory test-postgres MARKS="not soak"; \
	fi

# MARKS selects by marker (pytest -m), e.g. MARKS="not browser"; without it every test but `soak` runs.
MARKS ?= not soak
PYTEST_SELECT = $(if $(MARKS),-m "$(MARKS)")

test-sqlite: env translations
	@echo "== Test suite on SQLite$(if $(MARKS), ($(MARKS)))"
	$(PY) -m pytest $(XDIST) $(PYTEST_SELECT) $(PYTEST_ARGS)

# Runs when PostgreSQL answers; with WERKVREDE_REQUIRE_POSTGRES=1 an unreachable server fails the run.
test-postgres: env translations
	@if $(PY) tools/postgres_available.py; then \
		echo "== Test suite on PostgreSQL$(if $(MARKS), ($(MARKS)))"; \
		WERKVREDE_TEST_DATABASE=postgres $(PY) -m pytest $(XDIST) $(PYTEST_SELECT) $(PYTEST_ARGS); \
	elif [ "$${WERKVREDE_REQUIRE_POSTGRES:-0}" = "1" ]; then \
		echo "FAILED: PostgreSQL is required (WERKVREDE_REQUIRE_POSTGRES=1) but not reachable"; exit 1; \
	else \
		echo "SKIPPED: the PostgreSQL run (no server reachable; set WERKVREDE_TEST_DATABASE_URL)"; \
	fi

test-fast: env
	$(PY) -m pytest -p no:django -W ignore::pytest.PytestConfigWarning --confcutdir=src/werkvrede/guideline src/werkvrede/guideline -q

# Schemathesis with 1,000 new examples per operation for three roles, its coverage phase and a longer
# stateful run (ADR 0062); on PostgreSQL when one answers, else on SQLite. Takes long.
FUZZ_EXAMPLES ?= 1000
fuzz: env translations
	@if $(PY) tools/postgres_available.py; then \
		echo "== API fuzzing on PostgreSQL ($(FUZZ_EXAMPLES) examples per operation)"; \
		WERKVREDE_TEST_DATABASE=postgres WERKVREDE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/security/test_api_fuzz.py $(PYTEST_ARGS); \
	else \
		echo "== API fuzzing on SQLite ($(FUZZ_EXAMPLES) examples per operation)"; \
		WERKVREDE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/security/test_api_fuzz.py $(PYTEST_ARGS); \
	fi

# The tests marked `soak`: long loads and repeated runs (e.g. 16 writers x 200 saves on the SQLite
# default, ADR 0140), on PostgreSQL when one answers, else on SQLite; a test that needs the other
# database skips itself. Takes minutes.
soak: env translations
	@if $(PY) tools/postgres_available.py; then \
		echo "== Soak tests on PostgreSQL"; \
		WERKVREDE_TEST_DATABASE=postgres $(PY) -m pytest $(XDIST) -m soak $(PYTEST_ARGS); \
	else \
		echo "== Soak tests on SQLite"; \
		$(PY) -m pytest $(XDIST) -m soak $(PYTEST_ARGS); \
	fi

check: env
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy src tests tools
	.venv/bin/lint-imports
	DJANGO_SETTINGS_MODULE=werkvrede.config.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=werkvrede.config.settings.prod \
		DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
		WERKVREDE_DATA_KEYS="check:$$($(PY) -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')" \
		WERKVREDE_AUDIT_KEYS="check:$$($(PY) -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')" \
		WERKVREDE_AUDIT_ANCHOR_FILE=data/audit-anchors.jsonl \
		DJANGO_ALLOWED_HOSTS=werkvrede.example \
		WERKVREDE_BASE_URL=https://werkvrede.example \
		WERKVREDE_FROM_EMAIL="Werkvrede <noreply@werkvrede.example>" \
		WERKVREDE_SMTP_HOST=smtp.werkvrede.example \
		$(MANAGE) check --deploy --fail-level WARNING

# Needs GNU gettext (apt-get install gettext); updates the catalogues from the source.
messages: env
	cd src/werkvrede && ../../$(PY) ../../manage.py makemessages --locale nl --locale en --no-obsolete --add-location file

bench-guideline: env
	$(PY) -m werkvrede.guideline.bench

# PostgreSQL with 1,000,000 generated cases (WERKVREDE_BENCH_CASES; generated when missing or of another
# size); writes docs/benchmarks.md; needs wrk (apt-get install wrk).
bench-pages: env
	$(PY) tools/bench/run.py

# 20 organisations' people at once: 80 % reads, 20 % writes, 50 connections for 60 s, p95/p99 per kind,
# 0 errors and no other organisation's marker in any answer (docs/benchmarks-mix.md).
bench-mix: env
	$(PY) tools/bench/mix.py

bench: bench-guideline bench-pages bench-mix

clean:
	rm -rf .venv .tools .pytest_cache .mypy_cache .ruff_cache
