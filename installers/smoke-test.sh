#!/usr/bin/env bash
# Smoke test of the installed launcher (Linux): builds the app-image with installers/build.sh, then
#   1. `SignalBench -V` prints pom.xml's version;
#   2. `SignalBench import` of the sample into a fresh workbench, then `SignalBench stats` on it;
#   3. `SignalBench` with no arguments under Xvfb: the window appears and, once the built-in sample
#      is imported, shows the main view on its workbench (title "SignalBench — <file>"); a
#      screenshot is saved in target/installer-smoke/main-window.png.
# Needs xvfb (xvfb-run), xdotool, imagemagick (import) and libgtk-3-0; .ci/run installs them.
# Usage: installers/smoke-test.sh [--jar-built]   (--jar-built: target/signalbench.jar is fresh)
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
installers/build.sh --types app-image "$@"
launcher=target/installers/SignalBench/bin/SignalBench
out=target/installer-smoke
rm -rf "$out"; mkdir -p "$out"
home=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
# The app's data and JavaCPP's unpacked natives stay out of the user's home.
export SIGNALBENCH_HOME="$home/data"
export JAVA_TOOL_OPTIONS="-Dorg.bytedeco.javacpp.cachedir=$home/javacpp"
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }

version=$(sed -n 's/^version=//p' target/classes/org/signalbench/build.properties)
printed=$("$launcher" -V 2>/dev/null)
[ "$printed" = "SignalBench $version" ] || fail "-V printed '$printed', expected 'SignalBench $version'"
echo "ok: -V prints '$printed'"

"$launcher" import --db "$home/sample.sqlite" sample-data/ > "$out/import.txt" 2>&1 || fail "import: $(tail -5 "$out/import.txt")"
"$launcher" stats --db "$home/sample.sqlite" --json > "$out/stats.json" 2>"$out/stats.err" || fail "stats: $(cat "$out/stats.err")"
posts=$(sed -n 's/^ *"posts" *: *\([0-9]*\),*$/\1/p' "$out/stats.json" | head -1)
[ "${posts:-0}" -gt 10000 ] || fail "stats counted '${posts:-nothing}' posts: $(head -c 300 "$out/stats.json")"
echo "ok: import + stats on the sample: $posts posts"

# The window: xvfb-run runs this inner script on a fresh display.
cat > "$out/window.sh" <<'EOF'
set -u
launcher=$1 out=$2
ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(ms)
"$launcher" > "$out/app.log" 2>&1 &
app=$!
echo "$app" > "$out/app.pid"
seen="" main=""
for _ in $(seq 1 1200); do            # up to 10 minutes (the first start imports the sample)
  kill -0 "$app" 2>/dev/null || { echo "app exited: $(tail -5 "$out/app.log")"; exit 1; }
  for wid in $(xdotool search --name '^SignalBench' 2>/dev/null); do
    [ -n "$seen" ] || seen=$(( $(ms) - t0 ))
    title=$(xdotool getwindowname "$wid" 2>/dev/null || true)
    case "$title" in *"—"*) main=$(( $(ms) - t0 )); break 2 ;; esac   # the main view on a workbench
  done
  sleep 0.5
done
[ -n "$main" ] || { echo "no main view (window seen: ${seen:-no}, title: ${title:-none})"; kill "$app"; exit 1; }
sleep 5                                 # let the main view render
import -window root "$out/main-window.png"
geometry=$(xwininfo -id "$wid" | sed -n 's/.*-geometry //p')
kill "$app"; wait "$app" 2>/dev/null
echo "window after $seen ms, main view after $main ms, title \"$title\", geometry $geometry"
EOF
window=$(xvfb-run -a -s "-screen 0 1400x900x24" bash "$out/window.sh" "$launcher" "$out") || fail "window: $window"
echo "ok: $window"
colours=$(convert "$out/main-window.png" -format '%k' info:)
[ "$colours" -gt 50 ] || fail "the screenshot has only $colours colours: nothing drawn"
echo "ok: screenshot $out/main-window.png ($colours colours)"
echo "smoke test passed in $(( $(date +%s) - started )) s"
