# Sumi — build, demo and tests. Every target installs missing Debian packages first.
.PHONY: setup build demo test eval bench release

setup:
	@bash Tools/setup.sh

build: setup
	swift build

# Set up and run the main job on the bundled sample corpus. A release build: the debug one is
# 40-100x slower. The scan's own exit code (1: findings, 3: something unread) is the answer
# the demo shows, not a failure of the demo, so only a crash or a usage error fails it.
demo: setup
	swift build -c release --product sumi
	@rc=0; .build/release/sumi scan Corpus/samples || rc=$$?; \
	if [ $$rc -ne 0 ] && [ $$rc -ne 1 ] && [ $$rc -ne 3 ]; then exit $$rc; fi; \
	echo; \
	echo "見方: 各行が一つの検出です（場所・[重大度・法令上の区分]・種類・文脈・理由）。[注意] は目で確かめるべき箇所です。"; \
	echo "次に: 機械向けは .build/release/sumi scan --format json Corpus/samples 、場所の書き方と終了コードは README.md の「結果の読み方」を見てください。"

# The whole test suite (also what .ci/run calls). OCR tests run Tesseract inside the test
# process, which cannot re-exec itself as sumi does: give its OpenMP one thread here
# (SumiOCR/OpenMPThreads.swift says why).
test: setup
	swift build --build-tests
	OMP_THREAD_LIMIT=1 swift test --skip-build
	.build/debug/sumi rules test
	bash Tools/eval/run.sh
	bash Tools/redact/test_pdf_script.sh
	bash Tools/redact/verify.sh --accept-refused --sumi .build/debug/sumi
	bash Tools/report/validate.sh .build/debug/sumi
	bash Tools/report/html_report.sh .build/debug/sumi
	bash Tools/browser/live.sh .build/debug

# Quality on the labelled corpus: recall, precision, coverage, false alarms; fails below Tools/eval/thresholds.yaml.
eval: setup
	bash Tools/eval/run.sh

# Speed and memory (release build): rule engine, PDF, archive, peak RSS. A benchmark, not a test.
bench: setup
	bash Tools/bench/run.sh

release: setup
	swift build -c release
