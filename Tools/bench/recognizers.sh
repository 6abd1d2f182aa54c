#!/usr/bin/env bash
# Cost of the person recognizers (names, towns, sensitive facts; Rules/recognizers/) on
# municipal-like text: a file built from the corpus's clean documents with a line from a
# labelled document every ~20 lines (a few findings per page). Scans it with the release
# build twice — all rules, and all rules minus the person recognizers — and reports
# MB/s of CPU (user) time and the finding counts. A benchmark, not a test: rerun and compare.
#   bash Tools/bench/recognizers.sh [MEGABYTES] [LABELLED_LINES_PER_42]   (default 50, 2; 0 = clean text only)
mb=${1:-50}
dirty=${2:-2}
source "$(dirname "$0")/lib.sh"
python3 - "$work/text.txt" "$mb" "$dirty" <<'PY'
import glob, random, re, sys
random.seed(7)
out, mb, ndirty = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def read(p):
    b = open(p, 'rb').read()
    for e in ['utf-8', 'cp932', 'euc_jp', 'utf-16']:
        try: return b.decode(e)
        except Exception: pass
    return ''
def lines(paths):
    return [l for p in paths for l in re.sub(r'<[^>]+>', '', read(p)).splitlines() if len(l.strip()) > 10]
docs = [p for ext in ('txt', 'html', 'csv') for p in glob.glob(f'Corpus/eval/*/*.{ext}')]
clean = lines(sorted(p for p in docs if '/clean/' in p))
dirty = lines(sorted(p for p in docs if '/clean/' not in p))
target, n = mb * 1024 * 1024, 0
with open(out, 'w', encoding='utf-8') as f:
    while n < target:
        block = [random.choice(clean) for _ in range(42 - ndirty)] + [random.choice(dirty) for _ in range(ndirty)]
        random.shuffle(block)
        s = '\n'.join(block) + '\n\n'
        f.write(s); n += len(s.encode('utf-8'))
PY
cp -r Rules "$work/rules-without"
rm -f "$work"/rules-without/recognizers/{person_context,person_name,town,sensitive}.yaml
size=$(stat -c %s "$work/text.txt")
run() {
  /usr/bin/time -f "%U %e %M" .build/release/sumi scan --format json --rules "$1" "$work/text.txt" > "$work/r.json" 2> "$work/t.txt" || true
  read -r user wall rss < <(tail -1 "$work/t.txt")
  n=$(python3 -c "import json;d=json.load(open('$work/r.json'));print(sum(len(f['findings']) for f in d['files']))")
  echo "テスト" > "$work/tiny.txt"
  /usr/bin/time -f "%U" .build/release/sumi scan --format json --rules "$1" "$work/tiny.txt" > /dev/null 2> "$work/l.txt" || true
  load=$(tail -1 "$work/l.txt")
  python3 -c "print(f'$2: {$size/1e6:.1f} MB, user {$user:.2f} s (rule loading {$load:.2f} s), {$size/1e6/max($user-$load,1e-9):.1f} MB/s per core excluding loading, wall {$wall} s, peak RSS {$rss} KB, findings $n')"
}
run Rules "all rules"
run "$work/rules-without" "without person recognizers"
