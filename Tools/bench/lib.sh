# Shared set-up for the benchmark scripts in Tools/bench/ (sourced, not run):
#   source "$(dirname "$0")/lib.sh"
# Leaves the shell in the repository root with the apt packages installed (Tools/setup.sh),
# /usr/bin/time present, a release build in $bin, a temporary directory in $work (removed
# on exit) and the dictionary cache warm, so the first timed run does not build it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo=$(pwd)
bash Tools/setup.sh
if [ ! -x /usr/bin/time ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
fi
swift build -c release >/dev/null 2>&1 || swift build -c release
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "連絡先なし" > "$work/warm.txt"
"$bin/sumi" scan --format json "$work/warm.txt" >/dev/null 2>&1 || true

# best N CMD...: the shortest wall time (seconds) of N runs of CMD, output discarded.
best() {
  local n=$1; shift
  local b="" s e t
  for _ in $(seq "$n"); do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
  done
  printf "%.3f" "$b"
}

# cpu_of CMD...: user + system CPU seconds of one run of CMD.
cpu_of() {
  /usr/bin/time -f "%U %S" -o "$work/.cpu" "$@" >/dev/null 2>&1 || true
  tail -1 "$work/.cpu" | awk '{ printf "%.3f", $1 + $2 }'   # (time prefixes a line when CMD exits non-zero)
}

# peak NAME CMD...: runs CMD once under /usr/bin/time -v (stdout to $work/NAME.out); sets
# wall (h:mm:ss), rss_kb and cpu_s.
peak() {
  local name=$1; shift
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out" 2>/dev/null || true
  wall=$(grep "Elapsed (wall clock)" "$work/$name.time" | awk '{print $NF}')
  rss_kb=$(grep "Maximum resident set size" "$work/$name.time" | awk '{print $NF}')
  cpu_s=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/$name.time")
}

# corpus_python: a Python with reportlab and xlsxwriter (the corpus venv, built if missing).
corpus_python() {
  bash "$repo/Tools/corpus/venv.sh"
}

# corpus_copies DIR N: N files under DIR made of copies of every Corpus/eval and Corpus/samples
# document (txt/csv/html/pdf/docx/xlsx/pptx), 50 copies of the set per directory; text copies
# get a line of their own so that no two are the same file. Sets corpus_copies_made.
corpus_copies() {
  local dir=$1 want=$2 n=0 copy=0 d base f
  local -a corpus
  mapfile -t corpus < <(find Corpus/eval Corpus/samples -type f ! -name '*.yaml' ! -name '*.json' | sort)
  while [ $n -lt "$want" ]; do
    d="$dir/y$((copy / 50))/batch$copy"
    mkdir -p "$d"
    for f in "${corpus[@]}"; do
      [ $n -ge "$want" ] && break
      base=$(basename "$f")
      case "$f" in
        *.txt|*.csv) { cat "$f"; printf '\n写し %d\n' "$copy"; } > "$d/$base" ;;
        *.html) { cat "$f"; printf '<!-- 写し %d -->\n' "$copy"; } > "$d/$base" ;;
        *) cp "$f" "$d/$base" ;;
      esac
      n=$((n + 1))
    done
    copy=$((copy + 1))
  done
  corpus_copies_made=$n
}
