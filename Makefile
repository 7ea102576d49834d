# The advisor's commands. `make chat` and `make test` set up everything they need on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := chat

# Rasa 3.6 runs on Python 3.10 only: take python3.10 from the PATH, else pyenv's.
PYTHON310 ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10; do \
                $$p -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null && { echo $$p; break; }; done)
VENV  := .venv
PY    := $(VENV)/bin/python
MODEL := models/advisor.tar.gz
# socket.io-client for the web widget, installed from web/package-lock.json.
WEB_DEPS := web/node_modules/.package-lock.json
# A model is retrained when any of these changes.
TRAINING_INPUTS := config.yml bot/domain.yml bot/nlu/extractor.py bot/nlu/intents.py bot/nlu/importer.py actions/knowledge.py actions/questions.py actions/reader.py actions/situation.py actions/answers.py \
                   $(shell find data knowledge -name '*.yml' 2>/dev/null | sort)
# The list of inputs itself, rewritten only when it changes: a training file removed retrains too.
INPUT_LIST := models/.training-inputs
$(shell mkdir -p models; echo "$(TRAINING_INPUTS)" | cmp -s - $(INPUT_LIST) || echo "$(TRAINING_INPUTS)" > $(INPUT_LIST))

export ACTION_PORT ?= 5055
export RASA_PORT ?= 5005
# Conversations (bot/endpoints.yml): an SQLite file under the git-ignored var/, as bot/runtime/launch.py.
export TRACKER_DB ?= $(CURDIR)/var/tracker.db
export TF_CPP_MIN_LOG_LEVEL ?= 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false

.PHONY: chat check lint test serve web train setup system-deps clean bench insights-export insights-retention insights-bench reader-cv

chat: $(MODEL)          ## talk to the advisor in the terminal (CHAT_ARGS=--debug: the servers' output too)
	@$(PY) -m bot.runtime.launch chat $(CHAT_ARGS)

check: lint $(VENV)/.installed  ## the fast tier: lint and the unit tests (no model, no servers)
	$(PY) -m pytest -m unit -q

lint: $(VENV)/.installed  ## ruff, configured in pyproject.toml
	$(VENV)/bin/ruff check .

test: system-deps $(MODEL) $(WEB_DEPS)  ## every test
	$(PY) -m tests.run_all

serve: $(MODEL) $(WEB_DEPS)  ## Rasa server (REST, socket.io), action server, web widget demo on WEB_PORT
	$(PY) -m bot.runtime.launch serve

web: serve              ## the same: open http://localhost:8080/demo/

train: $(MODEL)

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is needed (Rasa 3.6 does not run on 3.11)"; exit 1; }
	$(PYTHON310) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check pip==24.3.1
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# The answer reader trains beside Rasa: two processes on two cores.
$(MODEL): $(VENV)/.installed $(TRAINING_INPUTS) $(INPUT_LIST)
	$(PY) -m actions.reader & reader=$$!; \
	$(PY) -m bot.runtime.rasa_cli train --config config.yml --domain bot/domain.yml --data data \
	    --out models --fixed-model-name advisor; trained=$$?; \
	wait $$reader && test $$trained -eq 0
	touch $@

$(WEB_DEPS): web/package-lock.json
	npm ci --prefix web --no-audit --no-fund

bench: $(VENV)/.installed system-deps  ## measure pipelines side by side; writes docs/benchmarks.md (~1 h)
	$(PY) -m bench.benchmark

reader-cv: $(VENV)/.installed  ## two-fold cross-validation of the answer reader over its training files (~4 min)
	$(PY) -m bench.reader_cv

insights-export: $(VENV)/.installed  ## misunderstood messages as NLU YAML to label: var/to_label.yml
	$(PY) -m bot.insights export --out var/to_label.yml

insights-retention: $(VENV)/.installed  ## delete conversations older than TRACKER_RETENTION_DAYS, now
	$(PY) -m bot.insights retention

insights-bench: $(MODEL)  ## time /insights and /insights.json over 10,000 generated conversations
	$(PY) -m bench.insights

system-deps:            ## Debian packages the tests drive (browser, databases, terminal)
	bash bot/runtime/system_deps.sh

clean:
	rm -rf models .rasa logs
