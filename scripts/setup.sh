# shellcheck shell=bash
# Installs what the project needs, and only what is missing. Sourced by scripts/serve,
# scripts/test and scripts/dist; not run on its own.
#
#   setup_build     the wasm target, trunk, wasm-bindgen (the version in Cargo.lock), wasm-opt
#   setup_browsers  Chromium + ChromeDriver, Firefox ESR + geckodriver, WebKitGTK's WebDriver + Xvfb
#   setup_e2e       axe-core for the end-to-end tests (npm, pinned in tests/e2e/package-lock.json)
#   setup_lighthouse  Lighthouse for scripts/bench (npm, pinned in tools/lighthouse/package-lock.json;
#                   it runs the system's Chromium and downloads no browser)
#
# Where something cannot be installed here (not root, not Debian), it stops and says what is
# missing and how to get it.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_DIR="$ROOT/tools/wasm-opt"
GECKODRIVER_VERSION="0.37.1"

export PATH="$HOME/.cargo/bin:$BINARYEN_DIR/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }

need() { # need COMMAND HOW-TO-GET-IT
  command -v "$1" >/dev/null 2>&1 || die "'$1' is missing. $2"
}

# The version of a crate in Cargo.lock.
locked_version() {
  awk -v name="$1" '$1 == "name" && $3 == "\"" name "\"" { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

setup_build() {
  need cargo "Install Rust with rustup: https://rustup.rs"
  need rustup "Install Rust with rustup: https://rustup.rs"
  need npm "Install Node.js and npm (Debian: apt-get install nodejs npm)."

  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]]; then
    say "installing trunk $TRUNK_VERSION (a few minutes, once)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi

  local bindgen
  bindgen="$(locked_version wasm-bindgen)"
  [[ -n "$bindgen" ]] || die "Cargo.lock names no wasm-bindgen version: run 'cargo generate-lockfile'."
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen" ]]; then
    say "installing wasm-bindgen-cli $bindgen, the version in Cargo.lock (a few minutes, once)"
    # Not --locked: the CLI's own lockfile names a dependency version the registry no longer serves.
    cargo install --force "wasm-bindgen-cli@$bindgen"
  fi

  if ! wasm-opt --version 2>/dev/null | grep -q "version 132"; then
    say "installing wasm-opt (npm package binaryen, pinned in tools/wasm-opt/package-lock.json)"
    (cd "$BINARYEN_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Builds tools/gzip-best (zopfli) when it is not built yet and prints its path: the build's .gz
# copies (scripts/trunk-post-build.sh) and the single file (scripts/single-file) use it.
gzip_best() {
  (cd "$ROOT" && cargo build --quiet --locked -p gzip-best)
  echo "${CARGO_TARGET_DIR:-$ROOT/target}/debug/gzip-best"
}

# Installs Debian packages when root with apt-get; otherwise names them and stops.
apt_install() {
  local missing=("$@")
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian packages: ${missing[*]}"
    if [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]]; then
      apt-get update -qq
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
  else
    die "missing: ${missing[*]}. On Debian or Ubuntu, as root: apt-get install ${missing[*]}"
  fi
}

setup_browsers() {
  local packages=()
  command -v chromium >/dev/null 2>&1 || packages+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
  command -v firefox-esr >/dev/null 2>&1 || packages+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null 2>&1 || packages+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null 2>&1 || packages+=(xvfb)
  [[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || packages+=(fonts-dejavu-core)
  if ((${#packages[@]})); then
    apt_install "${packages[@]}"
  fi
  if [[ "$(geckodriver --version 2>/dev/null | head -n 1)" != "geckodriver $GECKODRIVER_VERSION"* ]]; then
    say "installing geckodriver $GECKODRIVER_VERSION (a few minutes, once)"
    cargo install --locked "geckodriver@$GECKODRIVER_VERSION" \
      || cargo install "geckodriver@$GECKODRIVER_VERSION"
  fi
}

# An npm package at the version its folder's package-lock.json pins, installed with `npm ci`
# there when missing or another version: npm_pinned FOLDER PACKAGE FILE-IT-MUST-HAVE [npm args].
npm_pinned() {
  need npm "Install Node.js and npm (Debian: apt-get install nodejs npm)."
  need node "Install Node.js and npm (Debian: apt-get install nodejs npm)."
  local dir="$1" package="$2" file="$3" wanted installed=""
  shift 3
  wanted="$(cd "$dir" && node -p "require('./package-lock.json').packages['node_modules/$package'].version")"
  if [[ -f "$dir/node_modules/$package/$file" ]]; then
    installed="$(cd "$dir" && node -p "require('./node_modules/$package/package.json').version" 2>/dev/null || true)"
  fi
  if [[ "$installed" != "$wanted" ]]; then
    say "installing $package $wanted (npm, pinned in ${dir#"$ROOT"/}/package-lock.json)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error "$@")
  fi
}

# axe-core, the accessibility checker the end-to-end tests inject into the page
# (tests/e2e/node_modules/axe-core/axe.min.js).
setup_e2e() {
  npm_pinned "$ROOT/tests/e2e" axe-core axe.min.js
}

# Lighthouse, which scripts/bench runs on the mobile preset. Only the benchmark needs it (176 MB
# of node_modules); it downloads no browser.
setup_lighthouse() {
  npm_pinned "$ROOT/tools/lighthouse" lighthouse package.json --ignore-scripts
}
