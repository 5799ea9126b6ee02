# Debian packages a stage needs from the system, installed only when missing.
#
# apt_install PKG... runs `apt-get update` (once per stage) and
# `apt-get install -y --no-install-recommends PKG...`, each bounded by
# $SHUSHUO_APT_TIMEOUT seconds (default 300); it returns non-zero, with a
# message, when apt-get is absent, fails or times out, so that the caller
# decides what a missing package means (a named skip, or a failure).

apt_updated=""

apt_install() {
  local limit="${SHUSHUO_APT_TIMEOUT:-300}"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "apt-get not found: cannot install $*" >&2
    return 1
  fi
  if [ -z "$apt_updated" ]; then
    if ! timeout "$limit" apt-get update -qq; then
      echo "apt-get update failed or took over ${limit}s" >&2
      return 1
    fi
    apt_updated=1
  fi
  if ! DEBIAN_FRONTEND=noninteractive timeout "$limit" \
      apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
    echo "apt-get install $* failed or took over ${limit}s" >&2
    return 1
  fi
}
