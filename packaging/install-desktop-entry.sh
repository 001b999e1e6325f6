#!/bin/sh
# Put DST Desktop in this user's applications menu, and `dst-desktop` on the PATH.
#
#   ./install-desktop-entry.sh             from the unpacked dst-desktop folder
#   ./install-desktop-entry.sh --uninstall removes the menu entry, icons and command
#
# The program stays where it was unpacked; the menu entry and the command point there,
# so run this again after moving the folder. Nothing needs administrator rights: the files
# go to ~/.local/share/applications, ~/.local/share/icons and ~/.local/bin.
set -eu

name=dst-desktop
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
applications=$data_home/applications
icons=$data_home/icons/hicolor
bin=$HOME/.local/bin

refresh_menus() {
    # Refresh an icon cache only where one exists: a new one would hide the icons
    # that other programs install later without refreshing it.
    if [ -f "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$icons" >/dev/null 2>&1 || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$applications/$name.desktop" "$icons/256x256/apps/$name.png" \
        "$icons/scalable/apps/$name.svg"
    if [ -L "$bin/$name" ]; then rm -f "$bin/$name"; fi
    refresh_menus
    echo "DST Desktop removed from the menu. The program folder and your data are untouched."
    exit 0
fi

if [ ! -x "$here/$name" ]; then
    echo "Run this script from the unpacked $name folder (no $here/$name here)." >&2
    exit 1
fi
case $here in
    *[\"\`\$\\\|\&%]*)
        echo "The folder's path $here holds one of \" \` \$ \\ | & %; move the folder" \
            "to a plainer path (spaces are fine) and run this again." >&2
        exit 1 ;;
esac

mkdir -p "$applications" "$icons/256x256/apps" "$icons/scalable/apps" "$bin"
cp "$here/$name.png" "$icons/256x256/apps/$name.png"
cp "$here/$name.svg" "$icons/scalable/apps/$name.svg"
# The entry names the executable by its full path, quoted (the path may hold spaces).
sed -e "s|^Exec=.*|Exec=\"$here/$name\"|" -e "s|^TryExec=.*|TryExec=$here/$name|" \
    "$here/$name.desktop" > "$applications/$name.desktop"
chmod 644 "$applications/$name.desktop"
ln -sfn "$here/$name" "$bin/$name"
refresh_menus

echo "DST Desktop is in the applications menu (Office)."
echo "Command line: $bin/$name (open a new terminal if ~/.local/bin was not on your PATH)."
