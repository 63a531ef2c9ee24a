# Speakeasy: build, test, benchmark and package.   `make help` lists the targets.
#
# FyneApp.toml is the single source of the app's name, ID, version and build.
# Every go command gets -tags migrated_fynedo (Fyne's thread checks are off
# because the code calls fyne.Do itself). GOFLAGS from the environment is kept.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build
# The package targets stage files in cmd/speakeasy one at a time.
.NOTPARALLEL:

export LANG := en_US.UTF-8

GO           ?= go
TAGS         := migrated_fynedo
RELEASE_TAGS := migrated_fynedo,no_emoji
VERSION      := $(shell .ci/appmeta.sh Version)
BUILD        := $(shell .ci/appmeta.sh Build)
LDFLAGS      := -X main.version=$(VERSION) -X main.build=$(BUILD)
TEST_FLAGS   := -count=1 -timeout 20m
BENCHTIME    ?= 2s
FUZZTIME     ?= 30s
ARGS         ?=
# The fyne CLI that `make package-*` uses, kept in ./bin.
FYNE_TOOLS   := fyne.io/tools/cmd/fyne@v1.7.4
export FYNE_CLI := $(CURDIR)/bin/fyne

# $(call gotest,ENV,FLAGS,PATTERNS): go test over PATTERNS. A pattern that
# matches no package fails the target: a moved folder or a typo would
# otherwise test nothing and pass. `go list -e` still lists a package that
# does not compile (go test then fails on it); a pattern for a folder that is
# not there comes back without a Dir.
define gotest
	@for p in $(3); do \
		if [ -z "$$($(GO) list -e -tags $(TAGS) -f '{{if .Dir}}{{.ImportPath}}{{end}}' "$$p" 2>/dev/null)" ]; then \
			echo "make: the pattern $$p matches no Go package" >&2; exit 1; \
		fi; \
	done
	@echo "+ $(strip $(1) go test -tags $(TAGS) $(2) $(3))"
	@env $(1) $(GO) test -tags $(TAGS) $(2) $(3)
endef

.PHONY: help deps build run test fmt-check vet bench soak fuzz fyne-cli check-office \
	package-linux package-windows package-darwin clean

help:
	@echo "make deps             install the system packages (Debian; elsewhere: says what to install)"
	@echo "make build            bin/speakeasy, version $(VERSION) build $(BUILD) from FyneApp.toml"
	@echo "make run ARGS=...     build and run, e.g. make run ARGS=--kiosk"
	@echo "make test             gofmt, vet, every test with -race (GUI and end-to-end too), a no-cgo build"
	@echo "make bench            benchmarks, then start-up time against a bare Fyne window"
	@echo "make soak             kill-the-app tests (long)"
	@echo "make fuzz             every fuzz target in survey/ for FUZZTIME=$(FUZZTIME) each"
	@echo "make check-office     LibreOffice prints the export's Summary to dist/office (PDF, PNG)"
	@echo "make package-linux    dist/Speakeasy.tar.xz"
	@echo "make package-windows  dist/Speakeasy.exe (cross-built with mingw-w64)"
	@echo "make package-darwin   dist/Speakeasy.app (on a Mac)"
	@echo "make clean            remove bin/ and dist/"

deps:
	@.ci/deps.sh --e2e

build: deps
	CGO_ENABLED=1 $(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o bin/speakeasy ./cmd/speakeasy

run: build
	./bin/speakeasy $(ARGS)

# Every test runs under the race detector, the GUI's too (Fyne's test driver
# runs fyne.Do on the calling goroutine, so a widget touched from the
# background shows up as a race). Then every package but cmd/ is built and
# linked once more without cgo (-run '^$' runs no test), as the README
# promises.
test: deps fmt-check vet
	$(call gotest,CGO_ENABLED=1,-race $(TEST_FLAGS),./survey/... ./app/... ./assets/...)
	$(call gotest,CGO_ENABLED=1 SPEAKEASY_E2E=1,-race $(TEST_FLAGS),./cmd/...)
	$(call gotest,CGO_ENABLED=0,-count=1 -run '^$$',./survey/... ./app/... ./assets/...)

fmt-check:
	@echo "+ gofmt -l"
	@files="$$(find . -name '*.go' -not -path './.git/*' -not -path './bin/*' \
		-not -path './dist/*' -not -path '*/testdata/*' -print0 | xargs -0 -r gofmt -l)"; \
	if [ -n "$$files" ]; then echo "gofmt: run gofmt -w on:"; echo "$$files"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

bench: deps
	$(call gotest,,-run '^$$' -bench . -benchtime=$(BENCHTIME) -benchmem -count=1 -timeout 30m,./survey/... ./app/...)
	.ci/startup-bench.sh

soak: deps
	$(call gotest,SPEAKEASY_SOAK=1,-run Kill -count=1 -timeout 60m,./survey/store/ ./cmd/...)

fuzz: deps
	@found="$$(grep -r --include='*_test.go' '^func Fuzz' survey/ || true)"; \
	if [ -z "$$found" ]; then echo "make: no fuzz targets in survey/" >&2; exit 1; fi; \
	while IFS= read -r line; do \
		dir="$$(dirname "$${line%%:*}")"; \
		name="$$(sed -E 's/^[^:]*:func (Fuzz[A-Za-z0-9_]*).*/\1/' <<<"$$line")"; \
		echo "+ go test -tags $(TAGS) -run '^$$' -fuzz '^$$name\$$' -fuzztime $(FUZZTIME) ./$$dir"; \
		$(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) "./$$dir" </dev/null; \
	done <<<"$$found"

# The Summary sheet of a practice export (English and Welsh) printed by
# LibreOffice to PDF, one PNG a page, in dist/office: for a person to look
# at the charts. Needs libreoffice-calc-nogui and poppler-utils; not in make test.
check-office:
	@command -v soffice >/dev/null && command -v pdftoppm >/dev/null || \
		{ echo "check-office needs LibreOffice and pdftoppm: apt-get install libreoffice-calc-nogui poppler-utils"; exit 1; }
	SPEAKEASY_OFFICE=$(CURDIR)/dist/office $(GO) test -tags $(TAGS) -run '^TestOffice_RenderSummary$$' -count=1 -v ./survey/export/
	@echo "Look at dist/office/summary-en-*.png and summary-cy-*.png"

# bin/fyne at the pinned version; reinstalled when it is missing or another version.
fyne-cli:
	@if ! "$(FYNE_CLI)" version 2>/dev/null | grep -qF "$(lastword $(subst @, ,$(FYNE_TOOLS)))"; then \
		echo "+ GOBIN=$(CURDIR)/bin go install $(FYNE_TOOLS)"; \
		GOBIN="$(CURDIR)/bin" $(GO) install $(FYNE_TOOLS); \
	fi

package-linux: fyne-cli
	@.ci/deps.sh
	.ci/package.sh linux

package-windows: fyne-cli
	@.ci/deps.sh --windows
	.ci/package.sh windows

# On a Mac only (Xcode command-line tools); see docs/packaging.md.
package-darwin: fyne-cli
	@.ci/deps.sh
	.ci/package.sh darwin

clean:
	rm -rf bin dist
	.ci/package.sh clean
