# Lumen: every target sets up what it needs itself (virtual environment, npm packages).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EMULATOR_DIR := tests/e2e/emulator

.PHONY: run test check bench soak chat clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(EMULATOR_DIR)/node_modules/.installed: $(EMULATOR_DIR)/package.json $(EMULATOR_DIR)/package-lock.json
	cd $(EMULATOR_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## run: set up and start the bot (reads .env)
run: $(STAMP)
	$(BIN)/lumen run

## chat: talk to the mentor in the terminal, without Telegram
chat: $(STAMP)
	$(BIN)/lumen chat

## test: set up and run the whole test suite (unit, integration, end-to-end)
test: $(STAMP) $(EMULATOR_DIR)/node_modules/.installed
	$(BIN)/python -m pytest -q

## check: lint and type-check
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy lumen_bot safety tests

## soak: the crash test with many more SIGKILLs than CI runs
soak: $(STAMP) $(EMULATOR_DIR)/node_modules/.installed
	LUMEN_CRASH_KILLS=200 $(BIN)/python -m pytest -q tests/e2e/test_crash.py

## bench: benchmarks that print figures (not timed tests)
bench: $(STAMP)
	$(BIN)/python -m tests.bench

clean:
	rm -rf $(VENV) $(EMULATOR_DIR)/node_modules
