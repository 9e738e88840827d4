#!/usr/bin/env bash
# Fails if any C++ source or header of the project is not as .clang-format
# formats it; run by ctest (format_check), so CI holds the formatting.
# Fix with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null 2>&1; then
  echo "format_check: clang-format is not installed (cmake/install-deps.sh installs it)" >&2
  exit 1
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
  mapfile -t files < <(find app engine effects signal ipc tests -name '*.cpp' -o -name '*.h')
fi
clang-format --dry-run -Werror "${files[@]}"
echo "format_check: ${#files[@]} files formatted as .clang-format says"
