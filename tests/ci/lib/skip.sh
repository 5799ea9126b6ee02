# The skip protocol of tests/run_all.sh, sourced by the stages in tests/ci/.
#
# A stage that leaves out a check must say so with
#     skip "WHAT — WHY"          e.g.  skip "dev gold check — no ../shared/corpus/dev"
# which prints the line to stderr and, when the stage runs under run_all.sh,
# appends it to the file named by $SHUSHUO_SKIPS, so that the run's last line
# names every check that did not run. A stage run on its own just prints it.
#
# pytest_skips LOG PREFIX turns the "SKIPPED [n] file:line: reason" summary
# lines of a `pytest -rs` (or -ra) log into skip lines, one per file and
# reason, with PREFIX before the file name.
#
# run_pytest LOG PREFIX DIR COMMAND... runs a pytest COMMAND in DIR, shown
# and kept in LOG; a failure ends the stage with pytest's status, a run that
# collected no tests (status 5) ends it with 1, and the skipped tests are
# named (pytest_skips LOG PREFIX).

skip() {
  echo "skipped: $*" >&2
  if [ -n "${SHUSHUO_SKIPS:-}" ]; then
    printf '%s\n' "$*" >>"$SHUSHUO_SKIPS"
  fi
}

run_pytest() {
  local log="$1" prefix="$2" dir="$3" status
  shift 3
  set +e
  (cd "$dir" && "$@") 2>&1 | tee "$log"
  status="${PIPESTATUS[0]}"
  set -e
  if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests in $dir" >&2
    exit 1
  elif [ "$status" -ne 0 ]; then
    exit "$status"
  fi
  pytest_skips "$log" "$prefix"
}

pytest_skips() {
  local line
  while IFS= read -r line; do
    skip "$line"
  done < <(python3 - "$1" "${2:-}" <<'PY'
import re
import sys

log, prefix = sys.argv[1], sys.argv[2]
counts = {}
with open(log, encoding="utf-8", errors="replace") as f:
    for line in f:
        m = re.match(r"SKIPPED \[(\d+)\] ([^:]+)(?::\d+)?: (.*)$", line.rstrip("\n"))
        if m:
            key = (m.group(2), m.group(3))
            counts[key] = counts.get(key, 0) + int(m.group(1))
for (where, reason), n in counts.items():
    print(f"{prefix}{where}: {n} test{'s' if n > 1 else ''} — {reason}")
PY
  )
}
