#!/usr/bin/env bash
# System programs the integration tests need that npm does not provide: git and the pre-commit framework
# (Debian package `pre-commit`). Run by `npm test` before anything else. Idempotent; needs root (CI runs
# as root) or sudo only when something is missing.
set -euo pipefail

missing=()
command -v git >/dev/null 2>&1 || missing+=(git)
command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit)
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
pre-commit --version
