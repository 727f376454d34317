#!/usr/bin/env bash
# The LINk Host Suite's one test command (README, "Test"); .ci/run calls it.
#
# Needs only a python3 that can import Odoo 18.0. It brings the rest itself:
# the Python tools (requirements*.txt), PostgreSQL (Debian packages) and a
# throwaway cluster, then lints, checks that each addon installs alone and all
# together (with and without demo data), runs the addons' tests with Odoo's
# --test-enable and the suite's tests/ with pytest-odoo, and fails on any
# failing test and on any WARNING or ERROR in the Odoo logs.
#
# Environment:
#   PYTHON              interpreter that imports Odoo (default: python3)
#   PGHOST PGPORT PGUSER PGPASSWORD
#                       an existing PostgreSQL to use when it accepts this role
#                       and the role may create databases; otherwise a
#                       throwaway cluster is started and removed afterwards
#   LINK_TEST_SKIP_LINT=1   skip lint (for a quick local loop; CI never sets it)
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
PARALLEL=2
START=$SECONDS

say() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - START))"; }
die() { printf '\nrun_tests: %s\n' "$*" >&2; exit 1; }
FAILURES=()
fail() { FAILURES+=("$1"); printf 'FAILED: %s\n' "$1" >&2; }

# --- Odoo 18 is the one prerequisite ---------------------------------------
odoo_version=$("$PYTHON" -c 'import odoo.release as r; print(r.version)' 2>/dev/null) || odoo_version=none
case "$odoo_version" in
  18.0*) ;;
  *) die "Odoo 18.0 is a prerequisite and '$PYTHON' cannot import it (found: $odoo_version).
Install Odoo 18.0 community (its Python requirements included) and make
'import odoo' work for $PYTHON, for example with a .pth file in site-packages
naming the folder that holds the 'odoo' package. See README.md, 'Prerequisites'." ;;
esac
say "Odoo $odoo_version"

# Our addons and the Odoo modules they need, read from the manifests.
mapfile -t ADDONS < <(cd "$ROOT/addons" && for m in */__manifest__.py; do dirname "$m"; done)
ODOO_DEPS=$("$PYTHON" - "$ROOT/addons" "${ADDONS[@]}" <<'EOF'
import ast, pathlib, sys
root, ours = pathlib.Path(sys.argv[1]), set(sys.argv[2:])
deps = set()
for addon in ours:
    deps |= set(ast.literal_eval((root / addon / "__manifest__.py").read_text()).get("depends", []))
print(",".join(sorted(deps - ours)))
EOF
)
ADDONS_CSV=$(IFS=,; echo "${ADDONS[*]}")
echo "addons: $ADDONS_CSV; Odoo modules they need: $ODOO_DEPS"

say "Python requirements"
"$PYTHON" -m pip install -qq --disable-pip-version-check \
  -r "$ROOT/requirements.txt" -r "$ROOT/requirements-dev.txt"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- Lint --------------------------------------------------------------------
if [ "${LINK_TEST_SKIP_LINT:-}" != 1 ]; then
  say "Lint: ruff, pylint-odoo mandatory checks, addon READMEs, docker-compose"
  (cd "$ROOT" && ruff check --quiet .) || fail "ruff check"
  (cd "$ROOT" && ruff format --check --quiet .) || fail "ruff format"
  (cd "$ROOT" && "$PYTHON" -m pylint --rcfile=.pylintrc-mandatory "${ADDONS[@]/#/addons/}") || fail "pylint-odoo"
  "$PYTHON" "$ROOT/tools/gen_addon_readme.py" --check || fail "addon README.rst out of date"
  command -v docker-compose >/dev/null || apt_install docker-compose || true
  if command -v docker-compose >/dev/null; then
    (cd "$ROOT" && docker-compose config --quiet) || fail "docker-compose config"
  else
    fail "docker-compose is not installed and could not be installed"
  fi
fi

# --- Headless Chromium, for the tours ----------------------------------------------
# Odoo skips a browser test when it finds no Chrome; here that is a failure.
if ! command -v chromium >/dev/null && ! command -v google-chrome >/dev/null; then
  say "Chromium: installing it from Debian packages"
  apt_install chromium || die "Chromium is needed for the browser tests and could not be installed."
fi

# --- wkhtmltopdf, for the PDF reports ------------------------------------------
# Odoo renders a report as HTML instead of PDF without it; the PDF tests need it.
if ! command -v wkhtmltopdf >/dev/null; then
  say "wkhtmltopdf: installing it from Debian packages"
  apt_install wkhtmltopdf || die "wkhtmltopdf is needed for the PDF report tests and could not be installed."
fi

# --- PostgreSQL ----------------------------------------------------------------
WORK=$(mktemp -d /tmp/link-tests.XXXXXX)
chmod 755 "$WORK"
DB_PREFIX="link_test_$$_"
PG_STARTED=""
CREATED_DBS=()
cleanup() {
  set +e
  if [ ${#FAILURES[@]} -gt 0 ]; then
    KEPT=/tmp/link-tests-logs.$$
    mkdir -p "$KEPT" && cp "$WORK"/*.log "$KEPT"/ 2>/dev/null
    printf 'Odoo logs of this run kept in %s\n' "$KEPT" >&2
  fi
  if [ -n "$PG_STARTED" ]; then
    run_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1
  else
    for db in "${CREATED_DBS[@]}"; do dropdb --if-exists "$db" >/dev/null 2>&1; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u linkpg -- "$@"; else "$@"; fi; }
free_port() { "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
find_pgbin() {
  local d
  for d in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { PGBIN=$d; return 0; }
  done
  return 1
}

existing_server_usable() {
  command -v psql >/dev/null || return 1
  [ "${PGUSER:-$(id -un)}" != postgres ] || return 1  # Odoo refuses the postgres role
  [ "$(psql -d postgres -XAtc 'select rolcreatedb or rolsuper from pg_roles where rolname = current_user' 2>/dev/null)" = t ]
}

if existing_server_usable; then
  say "PostgreSQL: using the running server ${PGHOST:-local socket}:${PGPORT:-5432} as ${PGUSER:-$(id -un)}"
  DB_HOST=${PGHOST:-} DB_PORT=${PGPORT:-5432} DB_USER=${PGUSER:-$(id -un)} DB_PASSWORD=${PGPASSWORD:-}
else
  if ! find_pgbin; then
    say "PostgreSQL: installing it from Debian packages"
    apt_install postgresql || die "PostgreSQL is not installed and could not be installed (needs root or sudo for apt-get)."
    find_pgbin || die "PostgreSQL was installed but initdb was not found."
  fi
  if [ "$(id -u)" = 0 ]; then  # PostgreSQL refuses to run as root
    id linkpg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin linkpg
  fi
  DB_HOST="$WORK/pg" DB_PORT=$(free_port) DB_USER=odoo DB_PASSWORD=""
  mkdir -p "$DB_HOST"
  [ "$(id -u)" = 0 ] && chown linkpg "$DB_HOST"
  say "PostgreSQL: throwaway cluster $("$PGBIN/postgres" --version | awk '{print $3}') on port $DB_PORT"
  run_pg "$PGBIN/initdb" -D "$DB_HOST/data" -U "$DB_USER" -A trust -E UTF8 --no-locale --no-sync >/dev/null
  run_pg "$PGBIN/pg_ctl" -D "$DB_HOST/data" -l "$DB_HOST/server.log" -w -o \
    "-k $DB_HOST -p $DB_PORT -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  PG_STARTED=1
fi
export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD

ODOO_ADDONS=$("$PYTHON" -c '
import os, odoo
pkg = os.path.dirname(odoo.__file__)
print(",".join(p for p in (os.path.join(pkg, "addons"), os.path.join(os.path.dirname(pkg), "addons")) if os.path.isdir(p)))')
CONF="$WORK/odoo.conf"
cat >"$CONF" <<EOF
[options]
addons_path = $ODOO_ADDONS,$ROOT/addons
data_dir = $WORK/data
db_host = ${DB_HOST:-False}
db_port = $DB_PORT
db_user = $DB_USER
db_password = ${DB_PASSWORD:-False}
http_interface = 127.0.0.1
http_port = $(free_port)
max_cron_threads = 0
EOF

odoo() { "$PYTHON" -m odoo -c "$CONF" "$@"; }
clone_db() {  # clone_db TEMPLATE NEW: a database copy, with its filestore
  createdb -T "$1" "$2"
  if [ -d "$WORK/data/filestore/$1" ]; then
    mkdir -p "$WORK/data/filestore" && cp -a "$WORK/data/filestore/$1" "$WORK/data/filestore/$2"
  fi
}

# Lines Odoo logs at WARNING or above; any of them fails the run (like OCA's
# checklog-odoo). Add a pattern here only for a warning that is Odoo's own,
# with the reason beside it.
LOG_IGNORE='^$'
check_log() {  # check_log LOGFILE WHAT
  local bad
  bad=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$1" | grep -Ev "$LOG_IGNORE" || true)
  if [ -n "$bad" ]; then
    printf '%s\n' "$bad" | head -40 >&2 || true  # head closes the pipe early
    fail "$2: warnings or errors in the Odoo log ($(basename "$1"))"
  fi
}

# run_jobs NAME::COMMAND...: at most $PARALLEL at a time, each logged to $WORK/NAME.log.
run_jobs() {
  local spec name
  for spec in "$@"; do
    name=${spec%%::*}
    ( eval "${spec#*::}" >"$WORK/$name.log" 2>&1; echo $? >"$WORK/$name.rc" ) &
    while [ "$(jobs -rp | wc -l)" -ge "$PARALLEL" ]; do wait -n || true; done
  done
  wait
  for spec in "$@"; do
    name=${spec%%::*}
    if [ "$(cat "$WORK/$name.rc")" != 0 ]; then
      tail -30 "$WORK/$name.log" >&2
      fail "$name (exit $(cat "$WORK/$name.rc"))"
    else
      check_log "$WORK/$name.log" "$name"
    fi
  done
}

say "Template databases with the Odoo modules our addons need"
TPL_DEMO=${DB_PREFIX}tpl_demo TPL_NODEMO=${DB_PREFIX}tpl_nodemo
CREATED_DBS+=("$TPL_DEMO" "$TPL_NODEMO")
failures_before=${#FAILURES[@]}
run_jobs \
  "template-demo::odoo -d $TPL_DEMO -i $ODOO_DEPS --stop-after-init" \
  "template-nodemo::odoo -d $TPL_NODEMO -i $ODOO_DEPS --without-demo=all --stop-after-init"
[ ${#FAILURES[@]} = "$failures_before" ] || die "could not build the template databases"

say "Each addon installs alone, and all together, with and without demo data"
jobs_list=()
for addon in "${ADDONS[@]}"; do
  for demo in demo nodemo; do
    db=${DB_PREFIX}alone_${addon}_$demo
    tpl=$TPL_DEMO; [ $demo = nodemo ] && tpl=$TPL_NODEMO
    CREATED_DBS+=("$db")
    jobs_list+=("install-$addon-$demo::clone_db $tpl $db && odoo -d $db -i $addon --stop-after-init")
  done
done
db=${DB_PREFIX}together_nodemo
CREATED_DBS+=("$db")
jobs_list+=("install-all-nodemo::clone_db $TPL_NODEMO $db && odoo -d $db -i $ADDONS_CSV --stop-after-init")
run_jobs "${jobs_list[@]}"

say "Tests with Odoo's --test-enable (all addons together, demo data)"
MAIN_DB=${DB_PREFIX}main
CREATED_DBS+=("$MAIN_DB")
clone_db "$TPL_DEMO" "$MAIN_DB"
TAGS=$(printf '/%s,' "${ADDONS[@]}")
odoo -d "$MAIN_DB" -i "$ADDONS_CSV" --test-enable --test-tags "${TAGS%,}" \
  --stop-after-init >"$WORK/odoo-tests.log" 2>&1 || true
grep -E 'odoo\.(tests\.result|modules\.loading): .*(tests|failures)' "$WORK/odoo-tests.log" || true
summary=$(grep -oE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database' "$WORK/odoo-tests.log" | tail -1)
if [ -z "$summary" ]; then
  tail -40 "$WORK/odoo-tests.log" >&2
  fail "odoo --test-enable did not report a test summary"
  odoo_failed=1 odoo_passed=0
else
  read -r f e t <<<"$(echo "$summary" | grep -oE '[0-9]+' | tr '\n' ' ')"
  odoo_failed=$((f + e)) odoo_passed=$((t - f - e))
  [ "$t" -gt 0 ] || fail "odoo --test-enable ran no test"
  [ "$odoo_failed" = 0 ] || fail "odoo --test-enable: $summary"
fi
check_log "$WORK/odoo-tests.log" "odoo --test-enable"
if grep -E ' INFO .*: skipped ' "$WORK/odoo-tests.log"; then
  fail "odoo --test-enable skipped tests (a browser test without Chromium?)"
fi

say "Tests with pytest-odoo (the cross-addon tests in tests/)"
# Each test runs once: the addons' own tests above, with Odoo's runner (as
# Odoo's CI runs them, at install and post install); the suite's tests here,
# which belong to no addon. (Running the addon tests a second time here
# doubled their cost for no finding of its own, and the run must stay well
# under 20 minutes on two cores.) --durations prints the slowest tests.
# tests/test_http_concurrency.py copies this template (Odoo modules, no LINk
# addon) to start its own multi-worker server on committed data.
(cd "$ROOT" && LINK_TEST_TEMPLATE_DB=$TPL_DEMO "$PYTHON" -m pytest -p no:cacheprovider -q \
  --odoo-config="$CONF" --odoo-database="$MAIN_DB" --odoo-http \
  --odoo-log-level=info --odoo-extra test-enable --odoo-extra "logfile=$WORK/pytest-odoo.log" \
  --durations=15 --junitxml="$WORK/pytest.xml" tests) || fail "pytest-odoo"
read -r py_passed py_failed py_skipped < <("$PYTHON" - "$WORK/pytest.xml" <<'EOF' || echo "0 1 0"
import sys, xml.etree.ElementTree as ET
# One <testcase> per test (the suites' "tests" totals also count subtests).
cases = list(ET.parse(sys.argv[1]).getroot().iter("testcase"))
outcome = lambda case: {child.tag for child in case}
bad = sum(1 for c in cases if outcome(c) & {"failure", "error"})
skipped = sum(1 for c in cases if "skipped" in outcome(c))
print(len(cases) - bad - skipped, bad, skipped)
EOF
)
[ "$py_skipped" = 0 ] || fail "pytest-odoo skipped $py_skipped tests (a browser test without Chromium?)"
[ -f "$WORK/pytest-odoo.log" ] && check_log "$WORK/pytest-odoo.log" "pytest-odoo"

say "Done"
printf 'odoo --test-enable: %s passed, %s failed; pytest-odoo: %s passed, %s failed\n' \
  "$odoo_passed" "$odoo_failed" "$py_passed" "$py_failed"
if [ ${#FAILURES[@]} -gt 0 ]; then
  printf 'Failed steps:\n' >&2
  printf '  - %s\n' "${FAILURES[@]}" >&2
fi
# Failed steps (lint, installs, logs) count as failures in the closing line too.
total_failed=$((odoo_failed + py_failed))
[ "$total_failed" -gt 0 ] || total_failed=${#FAILURES[@]}
printf 'link-tests: %s passed, %s failed\n' "$((odoo_passed + py_passed))" "$total_failed"
[ ${#FAILURES[@]} = 0 ]
