# apitokens: `make run` builds and opens the TUI; `make test` runs every test.
GO      ?= go
BIN     := bin/apitokens
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/apitokens/apitokens/cli.Version=$(VERSION)

# Tools the build and the tests need beyond Go: gcc for SQLite (cgo), tmux
# for the end-to-end tests that drive the real binary in a terminal.
APT_TOOLS := gcc tmux

.PHONY: all build run test bench deps clean

all: build

deps:
	@missing=""; for t in $(APT_TOOLS); do command -v $$t >/dev/null 2>&1 || missing="$$missing $$t"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi
	$(GO) mod download

build: deps
	CGO_ENABLED=1 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

run: build
	./$(BIN) $(ARGS)

test: deps
	$(GO) vet ./...
	CGO_ENABLED=1 $(GO) test -race -count=1 -timeout 15m ./...

bench: deps
	CGO_ENABLED=1 $(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin
