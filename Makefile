# Entropic — the two commands of the README, plus benchmarks.
#   make run    install what is missing, build, open the demo (headless: render it)
#   make test   install what is missing, build, run every test through ctest
#   make bench  build and run the benchmarks (figures as JSON)
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps configure build run test bench clean

all: build

deps:
	@bash cmake/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

configure: $(BUILD)/build.ninja

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@bash cmake/run-demo.sh $(BUILD)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) --timeout 600

bench: build
	@bash tests/bench/run-benchmarks.sh $(BUILD)

clean:
	rm -rf $(BUILD)
