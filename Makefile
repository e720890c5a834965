# The two commands of the README: `make demo` runs the product, `make test` runs every test.
# `make cluster` runs it as in production: nginx with TLS, two servers, PostgreSQL.
# Each installs only what it needs (scripts/install-deps.sh run | cluster | test): the
# demo no PostgreSQL, nginx, Chromium or test libraries.
PORT ?= 8080
HOST ?= 127.0.0.1
PUPILS ?= 600
DEMO_PASSWORD ?= Lindeveld-demo-2026!
DEMO_DB ?= demo-data/samen-demo.db
BUILD ?= build
TEST_BUILD ?= build-test
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)

.PHONY: deps deps-run deps-cluster build web demo cluster cluster-stop test test-asan bench format format-check clean

deps:
	bash scripts/install-deps.sh test
deps-run:
	bash scripts/install-deps.sh run
deps-cluster:
	bash scripts/install-deps.sh cluster

# The samen binary alone: no tests, so no GoogleTest or Python needed to configure.
build: deps-run
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAMEN_TESTS=OFF
	cmake --build $(BUILD) -j $(JOBS) --target samen

# The web UI (web/dist): npm ci when node_modules is missing or older than the lock file,
# then the production build (type check + Vite). The server serves it with --static.
web:
	cd web && if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then \
	  npm ci --no-audit --no-fund && touch node_modules; fi
	cd web && npm run build

# `make demo` builds the web UI too when Node.js 20.19 or newer (what Vite needs) and npm are
# there, checked when the recipe runs (install-deps may just have installed them); without
# them the API alone is served.
NODE_OK = command -v npm >/dev/null 2>&1 && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
demo: build
	@if $(NODE_OK); then $(MAKE) --no-print-directory web; else \
	  echo "make demo: no Node.js 20.19 or newer with npm; serving the API without the web UI (web/README.md)"; fi
	mkdir -p $(dir $(DEMO_DB))
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(dir $(DEMO_DB))audit.key $(dir $(DEMO_DB))audit.key.checkpoints \
	  $(dir $(DEMO_DB))field.keys
	$(BUILD)/samen demo --db $(DEMO_DB) --listen $(HOST):$(PORT) --password '$(DEMO_PASSWORD)' \
	  --pupils $(PUPILS) --logins-json $(dir $(DEMO_DB))logins.json --audit-key $(dir $(DEMO_DB))audit.key \
	  --field-keys $(dir $(DEMO_DB))field.keys $$(if [ -d web/dist ]; then echo --static web/dist; fi)

cluster: deps-cluster build
	SAMEN_BIN=$(BUILD)/samen SAMEN_CLUSTER_PUPILS=$(PUPILS) bash scripts/cluster.sh start

cluster-stop:
	bash scripts/cluster.sh stop

test: deps web
	cmake -S . -B $(TEST_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAMEN_WERROR=ON -DSAMEN_TESTS=ON -DSAMEN_WEB_TESTS=ON
	cmake --build $(TEST_BUILD) -j $(JOBS)
	export SAMEN_TEST_PG=$$(bash scripts/test-postgres.sh start) && \
	  cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSAMEN_WERROR=ON -DSAMEN_SANITIZE=ON -DSAMEN_TESTS=ON -DSAMEN_WEB_TESTS=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	export SAMEN_TEST_PG=$$(bash scripts/test-postgres.sh start) && \
	  cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

bench: deps build
	bash bench/run.sh

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(ASAN_BUILD)

# Formatting: `make format` rewrites, `make format-check` (CI) only reports.
SOURCES = $(shell find src tests bench -name '*.cpp' -o -name '*.hpp')
format:
	@clang-format -i $(SOURCES)
format-check:
	@clang-format --dry-run --Werror $(SOURCES) && echo "format-check: clean"
