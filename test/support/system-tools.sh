#!/usr/bin/env bash
# The Debian tools the test suite uses: Chromium (browser tests), poppler (PDF text, fonts,
# pictures) and zbar (reads the QR codes on notices). Installs what is missing when it can.
# Arguments name a subset (the benchmarks need only poppler-utils); none means all three.
set -euo pipefail
wanted=("$@")
[ ${#wanted[@]} -eq 0 ] && wanted=(chromium poppler-utils zbar-tools)
declare -A command_of=([chromium]=chromium [poppler-utils]=pdftoppm [zbar-tools]=zbarimg)
missing=()
for package in "${wanted[@]}"; do
  command -v "${command_of[$package]}" >/dev/null || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "These Debian packages are needed: ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "Installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
