#!/usr/bin/env bash
# Checks what a .deb made by build-installer.sh holds, without installing it (dpkg-deb -c/-f):
# the launcher, the icon, the menu entry, the Java runtime, the program's jar (with the demo data
# and sample configs inside it) and, for the CUDA package, the CUDA libtorch.
#   bash jpackage/check-deb.sh target/installer/pixel-distillation-workbench_0.1.0_amd64.deb
set -euo pipefail
deb=${1:?usage: check-deb.sh FILE.deb}
list=$(dpkg-deb -c "$deb" | awk '{print $NF}')
pkg=$(dpkg-deb -f "$deb" Package)
case "$pkg" in
  *-cuda) app=PixelDistillationWorkbenchCUDA ;;
  *) app=PixelDistillationWorkbench ;;
esac
root=./opt/$app
fail=0
need() { # need PATTERN WHAT
  if grep -qE "$1" <<<"$list"; then echo "ok   $2"; else echo "MISSING $2 ($1)"; fail=1; fi
}
need "^$root/bin/$app\$" "launcher $root/bin/$app"
need "^$root/lib/$app\.png\$" "icon"
need "^$root/lib/.*\.desktop\$" "menu entry (.desktop file)"
need "^$root/lib/runtime/lib/libjvm\.so\$|^$root/lib/runtime/lib/server/libjvm\.so\$" "Java runtime"
need "^$root/lib/runtime/bin/java\$" "the runtime's java (the program restarts itself once)"
need "^$root/lib/app/pixel-distillation-workbench\.jar\$" "the program's jar"
if [ "$app" = PixelDistillationWorkbenchCUDA ]; then
  need "^$root/lib/app/lib/pytorch-native-cu121-.*\.jar\$" "CUDA 12.1 libtorch"
  need "^$root/lib/app/lib/pytorch-native-cpu-.*\.jar\$" "CPU libtorch (machines without CUDA)"
fi
# The demo inside the jar, and the menu entry's contents.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp"
jar="$tmp/opt/$app/lib/app/pixel-distillation-workbench.jar"
if unzip -l "$jar" | grep -q 'bundled/assets/fashion-mnist/train-images-idx3-ubyte.gz' \
   && unzip -l "$jar" | grep -q 'bundled/sample-configs/demo-fashion-mnist-isrd.yaml'; then
  echo "ok   demo data and sample configs inside the jar"
else
  echo "MISSING demo data or sample configs in the jar"; fail=1
fi
desktop=$(ls "$tmp/opt/$app/lib/"*.desktop)
for key in "Exec=/opt/$app/bin/$app" "Icon=/opt/$app/lib/$app.png" "Categories=Education;Science;"; do
  if grep -qF "$key" "$desktop"; then echo "ok   desktop entry $key"; else echo "MISSING desktop entry $key"; fail=1; fi
done
# Removing the package must not touch users' files: nothing outside /opt and the menu's own files.
if dpkg-deb -c "$deb" | awk '{print $NF}' | grep -vE "^\./\$|^\./opt/|^\./opt/$app" | grep -q .; then
  echo "MISSING: files outside /opt:"; dpkg-deb -c "$deb" | awk '{print $NF}' | grep -vE "^\./\$|^\./opt" ; fail=1
else
  echo "ok   every file under /opt/$app"
fi
echo "size: $(du -h "$deb" | cut -f1) ($deb), installed: $(dpkg-deb -f "$deb" Installed-Size) KiB"
exit $fail
