#!/usr/bin/env bash
# Builds the workbench as an installable program with its own trimmed Java runtime (jpackage, JDK 17+).
#
#   bash jpackage/build-installer.sh [--cuda] [--type TYPE] [--dest DIR] [--dry-run [--os linux|windows|mac]]
#
# TYPE defaults to the system's installer: deb on Linux (needs fakeroot and dpkg-deb), msi on
# Windows (needs the WiX toolset 3, run from Git Bash), dmg on macOS (pkg also works there);
# "app-image" makes the folder alone. Only the Linux paths (deb, app-image) have been built and
# tried; the Windows and macOS arguments are checked against jpackage 17's documentation and by
# --dry-run only. On Windows/macOS build the jar there first with
# -Dlibtorch.classifier=win-x86_64 / osx-aarch64.
# --dry-run prints the jpackage command (shell-quoted, one line) and runs nothing: no jar is
# needed and nothing is written. With --os it prints the command for another system (jpackage
# itself builds only for the system it runs on).
# Before it: `mvn -B -DskipTests package` (the CPU program, libtorch inside the jar) or, with
# --cuda, `mvn -B -Pcuda -DskipTests package` (the jar plus target/lib/ with libtorch for CUDA
# 12.1 and for the CPU; the engine picks CUDA where it finds CUDA 12 drivers; Linux only).
# Installers go to target/installer/ (or --dest). The installed program keeps nothing of the user's
# under its own folder: runs go to the per-user data folder, so uninstalling leaves them alone.
set -euo pipefail
cd "$(dirname "$0")/.."

usage="use --cuda, --type TYPE, --dest DIR, --dry-run, --os linux|windows|mac"
cuda=false
type=""
dest=target/installer
dry_run=false
os=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cuda) cuda=true ;;
    --type|--dest|--os) [ $# -ge 2 ] || { echo "error: $1 needs a value ($usage)" >&2; exit 2; }
      case "$1" in --type) type="$2" ;; --dest) dest="$2" ;; --os) os="$2" ;; esac; shift ;;
    --dry-run) dry_run=true ;;
    *) echo "error: unknown option $1 ($usage)" >&2; exit 2 ;;
  esac
  shift
done

case "$(uname -s)" in
  Linux*) host=linux ;;
  Darwin*) host=mac ;;
  MINGW*|MSYS*|CYGWIN*) host=windows ;;
  *) host="unknown system $(uname -s)" ;;
esac
: "${os:=$host}"
if [ "$os" != "$host" ] && ! $dry_run; then
  echo "error: jpackage builds only for the system it runs on ($host); --os $os needs --dry-run" >&2
  exit 2
fi
case "$os" in
  linux) icon=jpackage/icon/icon.png; : "${type:=deb}" ;;
  mac) icon=jpackage/icon/icon.icns; : "${type:=dmg}" ;;
  windows) icon=jpackage/icon/icon.ico; : "${type:=msi}" ;;
  *) echo "error: unknown system $os (linux, windows or mac)" >&2; exit 2 ;;
esac
if $cuda && [ "$os" != linux ]; then
  # the -Pcuda build carries libtorch for Linux; macOS has no CUDA, and Windows is untried
  echo "error: --cuda packages the Linux CUDA build only" >&2
  exit 2
fi

# the jar's manifest; jar(1) comes with the JDK that has jpackage, unzip may be missing (Git Bash)
manifest() {
  if command -v unzip >/dev/null; then
    unzip -p "$1" META-INF/MANIFEST.MF
  else
    local d; d=$(mktemp -d)
    (cd "$d" && jar xf "$OLDPWD/$1" META-INF/MANIFEST.MF && cat META-INF/MANIFEST.MF)
    rm -rf "$d"
  fi
}

jar=target/pixel-distillation-workbench.jar
input=target/jpackage-input
if ! $dry_run; then
  [ -f "$jar" ] || { echo "error: $jar not found; run: mvn -B -DskipTests package" >&2; exit 2; }
  rm -rf "$input"
  mkdir -p "$input"
  cp "$jar" "$input/"
fi
if $cuda; then
  if ! $dry_run; then
    ls target/lib/pytorch-native-cu121-*.jar >/dev/null 2>&1 \
      || { echo "error: no CUDA libtorch in target/lib; run: mvn -B -Pcuda -DskipTests package" >&2; exit 2; }
    # the -Pcuda jar names its dependencies in its manifest as lib/*.jar, beside it
    cp -r target/lib "$input/lib"
  fi
  name=PixelDistillationWorkbenchCUDA
  package=pixel-distillation-workbench-cuda
  flavour="CUDA 12.1 and CPU libtorch"
  upgrade_uuid=6f1c2a7e-3b7d-4c55-9a61-0d3e8f4b2c92
else
  if ! $dry_run && manifest "$jar" | grep -q '^Class-Path:'; then
    echo "error: $jar is not the CPU build with libtorch inside (last built with -Pcuda? use --cuda, or rebuild without it)" >&2
    exit 2
  fi
  name=PixelDistillationWorkbench
  package=pixel-distillation-workbench
  flavour="CPU libtorch"
  upgrade_uuid=2c7b9e14-58a0-4f3d-b6e2-91d4a0c7f315
fi

# jpackage wants a plain numeric version: 0.1.0-SNAPSHOT -> 0.1.0
version=""
if [ -f "$jar" ]; then
  version=$(manifest "$jar" | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')
fi
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
    # Start menu and desktop shortcuts, a choice of folder, and a fixed upgrade code so that a newer
    # .msi replaces the installed one instead of installing beside it. The license text is plain:
    # jpackage turns it into the RTF that WiX's licence dialog shows.
    windows) args+=(--win-menu --win-menu-group "Pixel Distillation Workbench" --win-shortcut --win-dir-chooser
               --win-upgrade-uuid "$upgrade_uuid") ;;
    # the menu-bar name must be shorter than 16 characters (jpackage's rule)
    mac) args+=(--mac-package-name "Pixel Distill" --mac-package-identifier org.pixeldistill.workbench) ;;
  esac
else
  args+=(--type app-image)
fi
if [ "$os" = windows ]; then
  # The main launcher is a windowed program, so the command line would print nothing in a terminal;
  # a second launcher with a console runs the commands (PixelDistillationWorkbenchConsole.exe info).
  args+=(--add-launcher "${name}Console=jpackage/windows-console-launcher.properties")
fi

if $dry_run; then
  printf '%q ' jpackage "${args[@]}"
  echo
  exit 0
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
