# Shared by scripts/run, scripts/test and scripts/bench: install what is missing from Debian's
# packages, then configure and build build/ (Release). Sourced, not run.

LINLAB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LINLAB_BUILD=${LINLAB_BUILD:-$LINLAB_ROOT/build}

# Build and test dependencies, by Debian package name. Nothing is downloaded from elsewhere.
LINLAB_PACKAGES=(
  g++ cmake ninja-build clang-format
  qt6-base-dev qt6-svg-dev libqcustomplot-dev
  libarmadillo-dev libopenblas-dev libboost-math-dev libmuparser-dev
  fonts-dejavu-core
  # The tests' cross-checks (numpy, pandas, statsmodels, scikit-learn, mpmath) and real data.
  python3-numpy python3-pandas python3-statsmodels python3-sklearn python3-mpmath
  r-cran-palmerpenguins
)

linlab_install_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "LinLab: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures build/ once and builds TARGETS (default: everything, the tests included).
linlab_build() {
  if [ ! -f "$LINLAB_BUILD/build.ninja" ]; then
    cmake -S "$LINLAB_ROOT" -B "$LINLAB_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release
  fi
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  cmake --build "$LINLAB_BUILD" -j "$(nproc)" "${targets[@]}"
}
