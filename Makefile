# diptext: `make` installs (when needed), builds, and converts sources/ into out/;
# `make test` runs the test suite; `make bench` measures the pipeline.
SHELL := /bin/bash

.PHONY: all install build convert test bench corpus fuzz schemas clean
all: convert

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json

build: install
	npx tsc -p tsconfig.json

# Reproducible dates (PDF CreationDate, AKN manifestation date): the last commit's time unless set.
convert: build
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null)} node dist/pipeline/cli/bin.js sources --out out

test: build
	npx tsc -p tsconfig.test.json
	npx vitest run

bench: build
	node dist/bench/run.js

# 2,000 random edits of the seed and the corpus: no crash, nothing lost, no silent removal of prose.
fuzz: build
	FUZZ_RUNS=$${FUZZ_RUNS:-2000} npx vitest run test/fuzz.test.ts

# How many of the answer keys' checks hold on ../shared/corpus, page by page.
corpus: build
	node dist/bench/corpus-score.js

schemas:
	bash scripts/fetch-schemas.sh

clean:
	rm -rf dist out/json out/md out/akn out/pdf out/html out/browser-test out/index.json
