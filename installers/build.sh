#!/usr/bin/env bash
# Builds SignalBench's installers for the platform it runs on (jpackage builds for its own OS only):
#   Linux:   app-image, .deb, and .rpm where rpmbuild exists
#   Windows: app-image, .msi (needs the WiX Toolset 3 on PATH)
#   macOS:   app-image, .dmg
# from a staging folder holding only the shaded jar, with a Java runtime trimmed by jlink to the JDK
# modules jdeps finds in the jar. Output: target/installers/. See installers/README.md.
#
#   installers/build.sh [--jar-built] [--types "app-image deb"]
#     --jar-built  target/signalbench.jar is fresh (mvn -P installer package passes this);
#                  otherwise the script runs `mvn package -DskipTests` first.
#     --types      which of this platform's outputs to make (default: all of them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

jar_built=false
types=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jar-built) jar_built=true ;;
    --types) types="${2:-}"; [ $# -gt 1 ] && shift ;;
    *) echo "usage: installers/build.sh [--jar-built] [--types \"app-image deb rpm msi dmg\"]" >&2; exit 2 ;;
  esac
  shift
done

case "$(uname -s)" in
  Linux) os=linux; default_types="app-image deb"; command -v rpmbuild >/dev/null 2>&1 && default_types+=" rpm" ;;
  Darwin) os=mac; default_types="app-image dmg" ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; default_types="app-image msi" ;;
  *) echo "error: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac
types=${types:-$default_types}

started=$(date +%s)
if [ "$jar_built" = false ]; then
  mvn -B -ntp -q package -DskipTests
fi
jar=target/signalbench.jar
props=target/classes/org/signalbench/build.properties
[ -f "$jar" ] && [ -f "$props" ] || { echo "error: $jar or $props missing: run mvn package" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$props" | tr -d '\r'; }
version=$(prop version)            # pom.xml's version, e.g. 0.1.0-SNAPSHOT
app_version=${SIGNALBENCH_APP_VERSION:-${version%%-*}}   # installers take numbers only: 0.1.0
vendor=$(prop vendor)
description=$(prop description)
maintainer=$(prop maintainer)
if [ "$os" = mac ] && [ "${app_version%%.*}" = 0 ]; then
  echo "error: macOS bundles need a version whose first number is at least 1 (have $app_version);" \
       "set SIGNALBENCH_APP_VERSION or raise pom.xml's version" >&2
  exit 1
fi

work=target/installer
out=target/installers
rm -rf "$work/input" "$out"
mkdir -p "$work/input" "$out"
# The staging folder: only what the app needs (not target/'s test classes, reports or javacpp cache).
cp "$jar" "$work/input/signalbench.jar"

# JDK modules the jar uses, by jdeps (cached while the jar is unchanged); jdk.zipfs is loaded as a
# service (the built-in sample and model files are read through the zip file system), which jdeps
# cannot see. jdk.localedata is left out: dates and numbers follow the English/root locale.
modules_file="$work/modules.txt"
if [ ! -f "$modules_file" ] || [ "$jar" -nt "$modules_file" ]; then
  echo "jdeps: finding the JDK modules the jar needs..."
  jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$jar" > "$modules_file.tmp"
  mv "$modules_file.tmp" "$modules_file"
fi
# JavaFX goes into the runtime as named modules, from this platform's modular JavaFX jars (the ones
# with a classifier; the others are empty): JavaFX loaded from the class path prints "Unsupported
# JavaFX configuration: classes were loaded from 'unnamed module'" at every start. The jar's own
# copies of the JavaFX classes are then unused (a package of a named module is never read from the
# class path).
fx_file="$work/javafx-modules.txt"
if [ ! -f "$fx_file" ] || [ pom.xml -nt "$fx_file" ]; then
  mvn -B -ntp -q dependency:build-classpath -DincludeGroupIds=org.openjfx -DincludeScope=runtime \
      -Dmdep.outputFile="$fx_file.tmp"
  mv "$fx_file.tmp" "$fx_file"
fi
sep=":"; [ "$os" = windows ] && sep=";"
IFS="$sep" read -r -a fx_jars < "$fx_file" || true   # the file has no final newline
fx_path=""
for fx_jar in "${fx_jars[@]}"; do
  # grep reads the whole listing (no -q): with pipefail an early exit would fail the pipeline
  if jar tf "$fx_jar" | grep -x module-info.class >/dev/null; then fx_path="${fx_path:+$fx_path$sep}$fx_jar"; fi
done
[ -n "$fx_path" ] || { echo "error: no modular JavaFX jars in $fx_file" >&2; exit 1; }
modules="$(tr -d '\r\n' < "$modules_file"),jdk.zipfs,javafx.controls,javafx.fxml,javafx.swing"
echo "runtime modules: $modules"
if [ "$(cat "$work/runtime.modules" 2>/dev/null)" != "$modules $fx_path" ] || [ ! -d "$work/runtime" ]; then
  rm -rf "$work/runtime" "$work/runtime.modules"
  jlink --module-path "$fx_path" --add-modules "$modules" --output "$work/runtime" \
        --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive
  echo "$modules $fx_path" > "$work/runtime.modules"
fi

# JVM settings every launcher applies: the heap follows the machine's memory (half of it; the paper
# preset's LSTM needs several GB, ND4J's off-heap arrays come on top); the runtime's CDS archive is
# used by default (-Xshare:auto).
java_options=(--java-options "-XX:MaxRAMPercentage=50")

case "$os" in
  linux) icon=installers/signalbench.png ;;
  windows) icon=installers/signalbench.ico ;;
  mac)
    icon="$work/signalbench.icns"
    iconset="$work/signalbench.iconset"
    rm -rf "$iconset"; mkdir -p "$iconset"
    for size in 16 32 128 256; do
      sips -z $size $size installers/signalbench.png --out "$iconset/icon_${size}x${size}.png" >/dev/null
    done
    iconutil -c icns "$iconset" -o "$icon" ;;
esac

common=(--name SignalBench --app-version "$app_version" --vendor "$vendor" --description "$description"
        --copyright "Copyright 2026 $vendor")
license=()
[ -f LICENSE ] && license=(--license-file LICENSE)

echo "app-image..."
jpackage --type app-image --dest "$out" "${common[@]}" \
         --input "$work/input" --main-jar signalbench.jar --main-class org.signalbench.Launcher \
         --runtime-image "$work/runtime" --icon "$icon" "${java_options[@]}" \
         $( [ "$os" = windows ] && echo "--add-launcher SignalBenchCLI=installers/windows-console-launcher.properties" )
case "$os" in
  mac) app_image="$out/SignalBench.app" ;;
  *) app_image="$out/SignalBench" ;;
esac

for type in $types; do
  case "$type" in
    app-image) ;;
    deb|rpm)
      echo "$type..."
      # JavaFX's natives are inside the jar, so jpackage's dependency scan misses GTK 3.
      gtk=libgtk-3-0; [ "$type" = rpm ] && gtk=gtk3
      # The jar is compressed already: xz's fastest level makes nearly the same .deb in far less time.
      DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-1} \
      jpackage --type "$type" --dest "$out" "${common[@]}" --app-image "$app_image" ${license[@]+"${license[@]}"} \
               --resource-dir installers/linux --linux-package-name signalbench --linux-deb-maintainer "$maintainer" \
               --linux-menu-group "Science;Education" --linux-app-category science --linux-shortcut --linux-package-deps "$gtk" \
               --linux-rpm-license-type "${SIGNALBENCH_LICENSE_TYPE:-Unspecified}" \
               --file-associations installers/workbench-file.properties ;;
    msi)
      echo "msi..."
      jpackage --type msi --dest "$out" "${common[@]}" --app-image "$app_image" ${license[@]+"${license[@]}"} \
               --win-menu --win-menu-group SignalBench --win-shortcut --win-dir-chooser \
               --win-upgrade-uuid 6f1f5b1e-4c1a-4f7e-9a55-2b7f0c1d5e42 \
               --file-associations installers/workbench-file.properties ;;
    dmg)
      echo "dmg..."
      jpackage --type dmg --dest "$out" "${common[@]}" --app-image "$app_image" ${license[@]+"${license[@]}"} \
               --mac-package-identifier org.signalbench.app \
               --file-associations installers/workbench-file.properties ;;
    *) echo "error: $type is not built on $os" >&2; exit 1 ;;
  esac
done

echo "built in $(( $(date +%s) - started )) s (SignalBench $version):"
du -sh "$app_image"
find "$out" -maxdepth 1 -type f -exec du -h {} +
