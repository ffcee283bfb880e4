#!/usr/bin/env bash
# Checks what a .deb made by build-installer.sh holds, without installing it (dpkg-deb -c/-f):
# the launcher, the icon, the menu entry, the Java runtime, the program's jar (with the demo data
# and sample configs inside it) and, for the CUDA package, the CUDA libtorch.
#   bash jpackage/check-deb.sh target/installer/pixel-distillation-workbench_0.1.0_amd64.deb
set -euo pipefail
deb=${1:?usage: check-deb.sh FILE.deb}
# the sixth field is the path (a symbolic link's target follows it)
list=$(dpkg-deb -c "$deb" | awk '{print $6}')
pkg=$(dpkg-deb -f "$deb" Package)
case "$pkg" in
  *-cuda) app=PixelDistillationWorkbenchCUDA ;;
  *) app=PixelDistillationWorkbench ;;
esac
root=./opt/$pkg
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
jar="$tmp/opt/$pkg/lib/app/pixel-distillation-workbench.jar"
inside=$(unzip -l "$jar")  # read whole: grep -q on a pipe would stop unzip early (pipefail)
if grep -q 'bundled/assets/fashion-mnist/train-images-idx3-ubyte.gz' <<<"$inside" \
   && grep -q 'bundled/sample-configs/demo-fashion-mnist-isrd.yaml' <<<"$inside"; then
  echo "ok   demo data and sample configs inside the jar"
else
  echo "MISSING demo data or sample configs in the jar"; fail=1
fi
desktop=$(ls "$tmp/opt/$pkg/lib/"*.desktop)
for key in "Exec=/opt/$pkg/bin/$app" "Icon=/opt/$pkg/lib/$app.png" "Categories=Education;Science;"; do
  if grep -qF "$key" "$desktop"; then echo "ok   desktop entry $key"; else echo "MISSING desktop entry $key"; fail=1; fi
done

# Removing the package touches nothing of the users: every file it has is under /opt/<package>.
outside=$(grep -vE "^\./\$|^\./opt/\$|^\./opt/$pkg/" <<<"$list" || true)
if [ -n "$outside" ]; then
  echo "MISSING: files outside /opt/$pkg:"; echo "$outside"; fail=1
else
  echo "ok   every file under /opt/$pkg"
fi
# the post-install makes the menu folders first (jpackage/resources/postinst): without them a machine
# that never had a desktop fails the install
if dpkg-deb -I "$deb" postinst | grep -q 'mkdir -p /usr/share/applications /usr/share/desktop-directories'; then
  echo "ok   post-install makes the menu folders before registering the entry"
else
  echo "MISSING post-install from jpackage/resources (menu folders)"; fail=1
fi
echo "size: $(du -h "$deb" | cut -f1) ($deb), installed: $(dpkg-deb -f "$deb" Installed-Size) KiB"
exit $fail
