# stancemon: see README.md. `make demo` and `make test` work on a fresh machine.
GO        ?= go
BIN       ?= bin/stancemon
SHARED    ?= ../shared/data
CH_DIR    ?= .run/clickhouse
export STANCEMON_TEST_CLICKHOUSE ?= clickhouse://default:@127.0.0.1:9000/
# The go command switches to go.mod's toolchain line (a patched standard
# library) when the installed Go is older; Go's own default is local on some machines.
export GOTOOLCHAIN ?= auto

.PHONY: all build test test-unit test-browser test-shared kill-check demo bench bench-scorer bench-pipeline \
        services services-stop vet lint fmt fmt-check fuzz graph ci clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/stancemon

## demo: the main job on embedded defaults (embedded broker, sample stream, embedded store, dashboard)
demo:
	$(GO) run ./cmd/stancemon demo

## test: starts ClickHouse (installing it if needed), then runs every test against it
test: services
	$(GO) test -count=1 ./...

## test-unit: every test that needs no server: the packages whose tests do not reach the
## ClickHouse test server (tests/chtest); the embedded broker runs in process
UNIT_PKGS = $(GO) list -test -f '{{.ImportPath}} {{join .Deps " "}}' ./... | \
	awk '$$1 ~ /\.test$$/ && !/\/tests\/chtest( |$$)/ { sub(/\.test$$/, "", $$1); print $$1 }'
test-unit:
	$(GO) test -count=1 $$($(UNIT_PKGS))

## test-browser: the dashboard in headless Chromium (installs Debian's chromium if needed);
## a module of its own (web/browsertest) keeps chromedp out of the main module's dependencies,
## -mod=mod lets its go.sum follow dependency changes of the main module
test-browser: services
	scripts/need.sh chromium
	cd web/browsertest && $(GO) test -mod=mod -count=1 -tags browser -run Browser -v .

## test-shared: checks that need ../shared/data (seed article, dev gold set, the corpus)
test-shared: kill-check
	$(GO) test -count=1 -tags shared ./stance/ ./eval/

## kill-check: SIGKILL `stancemon run` five times over the Reuters corpus; its dyads must equal a clean run's
kill-check: build services
	scripts/kill-check.sh $(SHARED)/reuters21578.jsonl.gz $(BIN)

services:
	scripts/clickhouse.sh start $(CH_DIR)
	scripts/need.sh kcat
	scripts/need.sh --pkg wamerican wbritish

services-stop:
	scripts/clickhouse.sh stop $(CH_DIR)

## bench: Go benchmarks, then the corpus benchmarks (need ../shared/data)
bench: build services bench-scorer bench-pipeline
	$(GO) test -run '^$$' -bench . -benchmem ./stance/ ./article/ ./store/... ./alerts/ ./simulate/

bench-scorer:
	$(GO) run ./cmd/scorebench $(SHARED)/reuters21578.jsonl.gz

bench-pipeline: build services
	$(GO) run ./cmd/pipebench --corpus $(SHARED)/reuters21578.jsonl.gz --clickhouse $(STANCEMON_TEST_CLICKHOUSE)

vet:
	$(GO) vet ./...
	$(GO) vet -tags shared ./stance/ ./eval/
	cd web/browsertest && $(GO) vet -mod=mod -tags browser .

lint: vet fmt-check

fmt:
	gofmt -w .

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

## fuzz: a short run of every fuzz target (FUZZTIME per target)
FUZZTIME ?= 10s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

## graph: the import graph of the packages, generated from `go list -json` (docs/imports.dot),
## rendered to docs/imports.svg when Graphviz's dot is installed (apt-get install graphviz)
graph:
	$(GO) run ./scripts/importgraph -o docs/imports.dot
	@if command -v dot >/dev/null; then dot -Tsvg docs/imports.dot -o docs/imports.svg && echo "wrote docs/imports.svg"; \
	else echo "no dot: apt-get install graphviz to render docs/imports.svg"; fi

## vulncheck: govulncheck, offline, over a database built from golang.org/x/vulndb (cached in .run/vulndb)
.PHONY: vulncheck
vulncheck:
	scripts/vulncheck.sh

## ci: what .ci/run runs
ci: fmt-check vet test test-browser vulncheck
	@if [ -d $(SHARED) ]; then $(MAKE) test-shared bench; else echo "no $(SHARED): skipping test-shared and bench"; fi

clean:
	rm -rf bin .run

.PHONY: deploy-lint deploy-check

## deploy-lint: validates the Dockerfile (BuildKit's parser and build checks), deploy/compose
## (the Compose schema), deploy/k8s (kustomize, strict k8s.io/api decoding) and the alert rules
## (Prometheus's rulefmt) with tools/deploycheck, a module of its own; nothing is built or run
deploy-lint:
	cd tools/deploycheck && $(GO) test -count=1 . && $(GO) run . -root ../..

# CI runs deploy-lint too: 51 s on an empty module and build cache, 2.7 s warm (measured); the
# first promtool build of deploy-check took 295 s more, so deploy-check is not part of ci.
ci: deploy-lint

## deploy-check: deploy-lint, then promtool's check and unit tests of the alert rules
PROMTOOL ?= $(GO) run github.com/prometheus/prometheus/cmd/promtool@v0.316.0
deploy-check: deploy-lint
	$(PROMTOOL) check rules deploy/prometheus/stancemon-alerts.yaml
	cd deploy/prometheus && $(PROMTOOL) test rules stancemon-alerts.test.yaml
