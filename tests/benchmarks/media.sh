#!/usr/bin/env bash
# Image pipeline benchmark of a Release build: one generated 4000×3000 JPEG (12 MP) through ImageProcessor.
#   1. BenchmarkDotNet: Inspect (upload check), FullSet (RenderAsync: every rendition and the WeChat set) and
#      EnvironmentPair (SkiaSharp alone: 1280-wide + 900×383 JPEGs, the environment notes' measurement);
#      median/mean ms, managed bytes allocated, peak RSS of each benchmark's process.
#   2. Parallel uploads (stopwatch): Inspect + RenderAsync through MediaGate, 1 worker, then 4 workers with the
#      CMS's default gate (processor count) and with the gate opened to 4; images/s, wall time, peak RSS.
# Usage: tests/benchmarks/media.sh [BenchmarkDotNet arguments, default --filter '*']. About 4 minutes on 2 cores.
# Reports are kept in tests/benchmarks/PatentWeek.Cms.Benchmarks/bin/BenchmarkDotNet.Artifacts. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
project=tests/benchmarks/PatentWeek.Cms.Benchmarks
artifacts="$project/bin/BenchmarkDotNet.Artifacts"
[ $# -gt 0 ] || set -- --filter '*'

if ! log=$(dotnet build "$project" -c Release --nologo -v quiet 2>&1); then echo "$log"; exit 1; fi
# The output folder names the runtime identifier (Directory.Build.props builds for this machine's):
# MSBuild says where the program went.
dll=$(dotnet msbuild "$project" -p:Configuration=Release -getProperty:TargetPath)
bench=(dotnet "$dll")

echo "== BenchmarkDotNet (full log: $artifacts/media.log)"
mkdir -p "$artifacts"
"${bench[@]}" --artifacts "$artifacts" "$@" >"$artifacts/media.log" 2>&1 || { tail -n 40 "$artifacts/media.log"; exit 1; }
cat "$artifacts"/results/*RenderBenchmarks-report-github.md

for run in "1 8" "4 16" "4 16 4"; do
  echo
  echo "== parallel uploads: workers images [gate slots] = $run"
  # shellcheck disable=SC2086 # the run's numbers are separate arguments
  "${bench[@]}" parallel $run
done
