#!/usr/bin/env bash
# Builds a self-contained app-image of the workbench (a trimmed Java runtime plus the jar) under
# target/app-image/PixelDistillationWorkbench. Run from the project folder after
# `mvn -B -DskipTests package`. Start it with target/app-image/PixelDistillationWorkbench/bin/PixelDistillationWorkbench
# (no arguments: the workbench; with arguments: the command line, e.g. `info`).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/pixel-distillation-workbench.jar
[ -f "$jar" ] || { echo "error: $jar not found; run: mvn -B -DskipTests package" >&2; exit 2; }
rm -rf target/app-image target/jpackage-input
mkdir -p target/jpackage-input
cp "$jar" target/jpackage-input/
# Modules found by jdeps, plus those reached by reflection or service loading (ImageIO and the
# JavaFX-Swing bridge need java.desktop; preferences, logging and XML are loaded at run time).
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.prefs,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop
# --java-options: the engine must never try the network, and the JVM flags go here (flags after
# the launcher go to the program). bin/java is kept in the runtime (no --strip-native-commands):
# the program restarts itself once with OMP_WAIT_POLICY and DNNL_MAX_CPU_ISA in its environment
# (cli/NativeEnvironment), which a running JVM cannot set for libtorch.
jpackage --type app-image \
  --name PixelDistillationWorkbench \
  --input target/jpackage-input \
  --main-jar pixel-distillation-workbench.jar \
  --main-class org.pixeldistill.cli.Main \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files" \
  --java-options "-Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Xmx8g" \
  --dest target/app-image
echo "app-image: target/app-image/PixelDistillationWorkbench (bin/PixelDistillationWorkbench)"
du -sh target/app-image/PixelDistillationWorkbench
