# Sumi — build, demo and tests. Every target installs missing Debian packages first.
.PHONY: setup build demo test release

setup:
	@bash Tools/setup.sh

build: setup
	swift build

# Set up and run the main job on the bundled sample corpus.
demo: setup
	swift build
	-.build/debug/sumi scan Corpus/samples

# The whole test suite (also what .ci/run calls).
test: setup
	swift build --build-tests
	swift test --skip-build
	.build/debug/sumi rules test

release: setup
	swift build -c release
