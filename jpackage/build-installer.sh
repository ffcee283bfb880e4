#!/usr/bin/env bash
# Builds the workbench as an installable program with its own trimmed Java runtime (jpackage, JDK 17+).
#
#   bash jpackage/build-installer.sh [--cuda] [--type TYPE] [--dest DIR]
#
# TYPE defaults to the system's installer: deb on Linux (needs fakeroot and dpkg-deb), msi on
# Windows (needs the WiX toolset 3), dmg on macOS; "app-image" makes the folder alone. Only the
# Linux paths (deb, app-image) have been tried; on Windows/macOS build the jar there first with
# -Dlibtorch.classifier=win-x86_64 / osx-aarch64.
# Before it: `mvn -B -DskipTests package` (the CPU program, libtorch inside the jar) or, with
# --cuda, `mvn -B -Pcuda -DskipTests package` (the jar plus target/lib/ with libtorch for CUDA
# 12.1 and for the CPU; the engine picks CUDA where it finds CUDA 12 drivers).
# Installers go to target/installer/ (or --dest). The installed program keeps nothing of the user's
# under its own folder: runs go to the per-user data folder, so uninstalling leaves them alone.
set -euo pipefail
cd "$(dirname "$0")/.."

cuda=false
type=""
dest=target/installer
while [ $# -gt 0 ]; do
  case "$1" in
    --cuda) cuda=true ;;
    --type) type="$2"; shift ;;
    --dest) dest="$2"; shift ;;
    *) echo "error: unknown option $1 (use --cuda, --type TYPE, --dest DIR)" >&2; exit 2 ;;
  esac
  shift
done

case "$(uname -s)" in
  Linux*) os=linux; icon=jpackage/icon/icon.png; : "${type:=deb}" ;;
  Darwin*) os=mac; icon=jpackage/icon/icon.icns; : "${type:=dmg}" ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; icon=jpackage/icon/icon.ico; : "${type:=msi}" ;;
  *) echo "error: unknown system $(uname -s)" >&2; exit 2 ;;
esac

jar=target/pixel-distillation-workbench.jar
[ -f "$jar" ] || { echo "error: $jar not found; run: mvn -B -DskipTests package" >&2; exit 2; }
input=target/jpackage-input
rm -rf "$input"
mkdir -p "$input"
cp "$jar" "$input/"
if $cuda; then
  ls target/lib/pytorch-native-cu121-*.jar >/dev/null 2>&1 \
    || { echo "error: no CUDA libtorch in target/lib; run: mvn -B -Pcuda -DskipTests package" >&2; exit 2; }
  # the -Pcuda jar names its dependencies in its manifest as lib/*.jar, beside it
  cp -r target/lib "$input/lib"
  name=PixelDistillationWorkbenchCUDA
  package=pixel-distillation-workbench-cuda
  flavour="CUDA 12.1 and CPU libtorch"
else
  if unzip -p "$jar" META-INF/MANIFEST.MF | grep -q '^Class-Path:'; then
    echo "error: $jar is not the CPU build with libtorch inside (last built with -Pcuda? use --cuda, or rebuild without it)" >&2
    exit 2
  fi
  name=PixelDistillationWorkbench
  package=pixel-distillation-workbench
  flavour="CPU libtorch"
fi

# jpackage wants a plain numeric version: 0.1.0-SNAPSHOT -> 0.1.0
version=$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')
version=${version:-0.1.0}

# Modules found by jdeps, plus those reached by reflection or service loading (ImageIO, AWT's
# Desktop for "Open runs folder" and the JavaFX-Swing bridge need java.desktop; preferences,
# logging and XML are loaded at run time).
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.prefs,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs

args=(--name "$name"
  --app-version "$version"
  --description "Pixel distillation workbench: distil small, low-resolution students from large teachers ($flavour)"
  --vendor "Pixel Distillation Workbench"
  --icon "$icon"
  --input "$input"
  --main-jar pixel-distillation-workbench.jar
  --main-class org.pixeldistill.cli.Main
  --add-modules "$modules"
  --jlink-options "--strip-debug --no-man-pages --no-header-files"
  # the engine must never try the network; JVM flags go here (flags after the launcher go to the
  # program). bin/java stays in the runtime (no --strip-native-commands): the program restarts
  # itself once with OMP_WAIT_POLICY in its environment (cli/NativeEnvironment), which a running
  # JVM cannot set for libtorch.
  --java-options "-Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Xmx8g"
  --dest "$dest")

if [ "$type" != app-image ]; then
  args+=(--type "$type" --license-file assets/fashion-mnist/LICENSE.txt)
  case "$os" in
    linux) args+=(--linux-package-name "$package" --install-dir /opt --linux-shortcut
             --linux-menu-group "Education;Science;" --linux-app-category science
             --linux-deb-maintainer "pixel-distillation-workbench@localhost"
             --resource-dir jpackage/resources) ;;  # a post-install that also works without a desktop
    windows) args+=(--win-menu --win-menu-group "Pixel Distillation Workbench" --win-shortcut --win-dir-chooser) ;;
    mac) args+=(--mac-package-name "Pixel Distillation") ;;
  esac
else
  args+=(--type app-image)
fi

mkdir -p "$dest"
rm -rf "${dest:?}/$name"
echo "jpackage: $type of $name $version ($flavour) into $dest"
# dpkg-deb reads its compressor from the environment: xz at level 6 takes minutes on the 2.4 GB
# of CUDA libraries for little gain, so the CUDA package uses a fast level.
if $cuda; then export DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-1}"; fi
jpackage "${args[@]}"
ls -l "$dest"
du -sh "$dest"/* 2>/dev/null || true
