#!/usr/bin/env bash
# Build the dev corpus used by `npm run eval` (see docs/evaluation.md).
#
# Usage: scripts/build-corpus.sh [--whole] <repo-list-file> [<corpus-dir>]
#
# <repo-list-file>: one `owner/name [commit]` per line (# comments allowed).
# <corpus-dir>:     defaults to $CORPUS_DIR or ../corpus-dev (outside this repo).
#
# Each repository's test files (and helpers that live in test folders) are extracted to
# <corpus-dir>/<owner>__<name>/ and a line is appended to <corpus-dir>/MANIFEST.tsv.
# --whole (or WHOLE=1) extracts the repository's whole source tree instead, for typed runs
# (`npm run eval -- --typed`): every JS/TS file including `.d.ts`, every tsconfig*.json,
# jsconfig*.json and package.json, without node_modules/, dist/, build/, coverage/ and
# minified files, so that relative imports give the tests the types of the code under test.
# A bare mirror is reused from $MIRROR_DIR/<owner>+<name>/repo when present, otherwise the
# repository is cloned (bare, blobless) into $CACHE_DIR. Existing corpus folders are kept.
# Never run in CI: it needs network access and third-party code stays out of this repo.
set -euo pipefail
export GIT_LITERAL_PATHSPECS=1  # file names such as `[id].test.ts` are not globs

whole=${WHOLE:-0}
if [ "${1:-}" = "--whole" ]; then whole=1; shift; fi
list=${1:?usage: build-corpus.sh [--whole] <repo-list-file> [<corpus-dir>]}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-${CORPUS_DIR:-$root/../corpus-dev}}
mirror_dir=${MIRROR_DIR:-/work/.mirror}
cache_dir=${CACHE_DIR:-${TMPDIR:-/tmp}/test-quality-corpus-cache}
max_bytes=${MAX_BYTES:-400000}
mkdir -p "$out" "$cache_dir"
manifest=$out/MANIFEST.tsv
if [ "$whole" = 1 ]; then
  [ -f "$manifest" ] || printf 'repo\tcommit\tfiles\n' >"$manifest"
else
  [ -f "$manifest" ] || printf 'repo\tcommit\ttest_files\n' >"$manifest"
fi

# Which paths count as test code.
ext='\.(js|jsx|ts|tsx|mjs|cjs|mts|cts)$'
testish='((^|/)(test|tests|__tests__|spec|specs|e2e|integration-tests?)/)|(\.(test|spec|e2e)\.[cm]?[jt]sx?$)|((^|/)tests?\.[cm]?[jt]sx?$)'
exclude='(^|/)(node_modules|dist|build|coverage|vendor|__snapshots__|__fixtures__|fixtures?|snapshots)/|\.d\.[cm]?ts$|\.min\.js$'
# Whole checkouts: sources, declarations and the configs that shape a TypeScript program.
whole_include='\.(js|jsx|ts|tsx|mjs|cjs|mts|cts)$|(^|/)(tsconfig[^/]*|jsconfig[^/]*|package)\.json$'
whole_exclude='(^|/)(node_modules|dist|build|coverage)/|\.min\.[cm]?js$'

# The paths to extract, from `git ls-tree -r -l` lines on stdin.
select_paths() {
  awk -v max="$max_bytes" -F'\t' '{ split($1, m, " "); if (m[2] == "blob" && m[4] + 0 <= max) print $2 }' \
    | if [ "$whole" = 1 ]; then
        grep -E "$whole_include" | grep -vE "$whole_exclude"
      else
        grep -E "$ext" | grep -Ei "$testish" | grep -viE "$exclude"
      fi
}

grep -vE '^\s*(#|$)' "$list" | while read -r repo commit _; do
  slug=${repo/\//__}
  dest=$out/$slug
  if [ -d "$dest" ]; then echo "skip $repo (exists)"; continue; fi
  git_dir=$mirror_dir/${repo/\//+}/repo
  if ! git --git-dir="$git_dir" rev-parse -q --verify HEAD >/dev/null 2>&1; then
    git_dir=$cache_dir/${repo/\//+}.git
    [ -d "$git_dir" ] || git clone -q --bare --filter=blob:none "https://github.com/$repo.git" "$git_dir"
  fi
  rev=$(git --git-dir="$git_dir" rev-parse "${commit:-HEAD}^{commit}")
  paths=$(mktemp)
  git --git-dir="$git_dir" ls-tree -r -l "$rev" | select_paths >"$paths" || true
  mkdir -p "$dest"
  if [ -s "$paths" ]; then
    tr '\n' '\0' <"$paths" \
      | xargs -0 -n 500 sh -c 'g=$0; r=$1; d=$2; shift 2; git --git-dir="$g" archive "$r" -- "$@" | tar -x -C "$d"' \
        "$git_dir" "$rev" "$dest"
  fi
  rm -f "$paths"
  count=$(find "$dest" -type f | wc -l)
  printf '%s\t%s\t%s\n' "$repo" "$rev" "$count" >>"$manifest"
  echo "$repo $rev $count"
done
