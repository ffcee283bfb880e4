#!/usr/bin/env bash
# The program as a folder with its own Java runtime, no installer:
# target/app-image/PixelDistillationWorkbench/bin/PixelDistillationWorkbench (no arguments: the
# workbench; with arguments: the command line, e.g. `info`). Run after `mvn -B -DskipTests package`;
# add --cuda after a -Pcuda build. Installers: jpackage/build-installer.sh.
set -euo pipefail
exec bash "$(dirname "$0")/build-installer.sh" --type app-image --dest target/app-image "$@"
