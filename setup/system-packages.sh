#!/usr/bin/env bash
# What the project needs from the system (Debian 12 "bookworm"), installed when it is missing.
#
# Each need is found by a real probe (a file, a library known to the dynamic linker, a command), not by
# package name, so a tool that came from elsewhere counts. When nothing is missing, this says so and
# calls no apt at all. When something is missing:
#   - as root: `apt-get update` once, then `apt-get install` of the missing Debian packages;
#   - otherwise: prints the one `sudo apt-get install …` line to run, and exits with status 1.
# Used by `make` (setup step) and `.ci/run`; run it by hand on a machine that has no `make` yet:
#   bash setup/system-packages.sh
# PYTHON (default python3) is the interpreter the Makefile makes the virtual environment with.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"  # ldconfig, for users whose PATH lacks the sbin folders

python=${PYTHON:-python3}
# The shared libraries the dynamic linker knows. Read whole into a variable: `ldconfig -p | grep -q`
# under pipefail fails when grep stops reading early (ldconfig dies of SIGPIPE).
libraries=$(ldconfig -p)

has_library() { [[ $libraries == *"$1 "* ]]; }  # ldconfig prints "\tNAME (libc6,...) => path"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)  # Lighthouse drives this very binary
# The browser tests (Playwright) drive the same Chromium's headless shell: a page costs a third of the processor time.
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
has_library libatomic.so.1 || missing+=(libatomic1)  # for Playwright's driver (the node in its wheel)
command -v make >/dev/null || missing+=(make)
command -v git >/dev/null || missing+=(git)  # the translation status reads the git history
# `python3 -m venv` needs ensurepip, which Debian ships in python3-venv.
"$python" -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
# WeasyPrint (booklet PDFs): Pango, HarfBuzz-subset (font subsetting) and the font the PDFs embed.
has_library libpango-1.0.so.0 || missing+=(libpango-1.0-0)
has_library libpangoft2-1.0.so.0 || missing+=(libpangoft2-1.0-0)
has_library libharfbuzz-subset.so.0 || missing+=(libharfbuzz-subset0)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# The fonts the print stylesheet names (site.css, @media print): printed pages break at the same places everywhere.
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
# Node.js and npm, for Lighthouse and the Nu Html Checker's jar (any node and npm on PATH will do).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# Outside judges of the tests: Java runs the Nu Html Checker (vnu.jar); Grammalecte checks French typography.
command -v java >/dev/null || missing+=(default-jre-headless)
command -v grammalecte-cli >/dev/null || missing+=(grammalecte-cli)

if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages: everything the project needs is there."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "System packages missing: ${missing[*]}. Install them (then run the command again) with:" >&2
  echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "System packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt_options=(-q -o DPkg::Lock::Timeout=300)  # wait for another apt or dpkg to finish, up to 5 minutes
apt-get "${apt_options[@]}" update
apt-get "${apt_options[@]}" install -y --no-install-recommends "${missing[@]}"
