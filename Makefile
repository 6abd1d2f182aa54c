# Sumi — build, demo and tests. Every target installs missing Debian packages first.
.PHONY: setup build demo test eval bench release

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
	bash Tools/eval/run.sh

# Quality on the labelled corpus: recall, precision, coverage, false alarms; fails below Tools/eval/thresholds.yaml.
eval: setup
	bash Tools/eval/run.sh

# Speed and memory (release build): rule engine, PDF, archive, peak RSS. A benchmark, not a test.
bench: setup
	bash Tools/bench/run.sh

release: setup
	swift build -c release
