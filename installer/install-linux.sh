#!/bin/sh
# Cài ANTQ Desktop cho người dùng hiện tại (không cần quyền quản trị, không cần mạng).
# Install ANTQ Desktop for the current user: no root, no network.
#
#   ./install-linux.sh            chép thư mục này vào ~/.local/opt/antq-desktop, tạo lối tắt trong menu
#   ./install-linux.sh --remove   gỡ chương trình (dữ liệu trong ~/.local/share/antq-desktop được giữ lại)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/opt/antq-desktop"
bindir="$HOME/.local/bin"
desktop="$prefix/applications/antq-desktop.desktop"
icon="$prefix/icons/hicolor/256x256/apps/antq-desktop.png"
mime="$prefix/mime/packages/antq-desktop.xml"

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$target" "$desktop" "$icon" "$mime" "$bindir/antq-desktop" "$bindir/antq"
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$prefix/mime" || true
  echo "Đã gỡ ANTQ Desktop. Dữ liệu của anh/chị vẫn còn trong $prefix/antq-desktop."
  exit 0
fi

if [ "$here" != "$target" ]; then
  mkdir -p "$(dirname "$target")"
  rm -rf "$target.new"
  cp -a "$here" "$target.new"
  rm -rf "$target"
  mv "$target.new" "$target"
fi
mkdir -p "$bindir" "$(dirname "$desktop")" "$(dirname "$icon")" "$(dirname "$mime")"
ln -sf "$target/antq-desktop" "$bindir/antq-desktop"
ln -sf "$target/antq" "$bindir/antq"
cp "$target/antq-desktop.png" "$icon"
sed "s|^Exec=.*|Exec=\"$target/antq-desktop\" %f|" "$target/antq-desktop.desktop" > "$desktop"
chmod 644 "$desktop"
# .antq packages open in ANTQ Desktop on a double-click (the import page, with the package selected).
cp "$target/antq-desktop-mime.xml" "$mime"
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$prefix/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$(dirname "$desktop")" || true
echo "Đã cài ANTQ Desktop vào $target."
echo "Mở từ menu ứng dụng (ANTQ Desktop) hoặc chạy: $target/antq-desktop"
echo "Kiểm tra bản cài: $target/antq-desktop --self-test"
