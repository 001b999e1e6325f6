#!/bin/sh
# Put DST Desktop in this user's applications menu, and `dst-desktop` on the PATH.
#
#   ./install-desktop-entry.sh                    from the unpacked dst-desktop folder
#   ./install-desktop-entry.sh --database URL     the menu entry opens that database
#                                                 (an event laptop's event database)
#   ./install-desktop-entry.sh --uninstall        removes the menu entry, icons and command
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

refresh_icon_cache() {
    # Refresh an icon cache only where one exists: a new one would hide the icons
    # that other programs install later without refreshing it.
    if [ -f "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$icons" >/dev/null 2>&1 || true
    fi
}

# The Exec line quotes the path and the URL; these characters would need escaping there.
refuse_special_characters() {
    case $2 in
        *[\"\`\$\\\|\&%]*)
            echo "The $1 $2 holds one of \" \` \$ \\ | & %; use a plainer one" \
                "(spaces are fine) and run this again." >&2
            exit 1 ;;
    esac
}

database=
case ${1:-} in
    --uninstall)
        rm -f "$applications/$name.desktop" "$icons/256x256/apps/$name.png" \
            "$icons/scalable/apps/$name.svg"
        if [ -L "$bin/$name" ]; then rm -f "$bin/$name"; fi
        refresh_icon_cache
        echo "DST Desktop removed from the menu. The program folder and your data are untouched."
        exit 0 ;;
    --database)
        if [ $# -lt 2 ] || [ -z "$2" ]; then
            echo "usage: $0 [--database URL | --uninstall]" >&2
            exit 2
        fi
        database=$2 ;;
    "") ;;
    *)
        echo "usage: $0 [--database URL | --uninstall]" >&2
        exit 2 ;;
esac

if [ ! -x "$here/$name" ]; then
    echo "Run this script from the unpacked $name folder (no $here/$name here)." >&2
    exit 1
fi
refuse_special_characters "folder's path" "$here"
command_line="\"$here/$name\""
if [ -n "$database" ]; then
    refuse_special_characters "database URL" "$database"
    command_line="$command_line --database \"$database\""
fi

mkdir -p "$applications" "$icons/256x256/apps" "$icons/scalable/apps" "$bin"
cp "$here/$name.png" "$icons/256x256/apps/$name.png"
cp "$here/$name.svg" "$icons/scalable/apps/$name.svg"
sed -e "s|^Exec=.*|Exec=$command_line|" -e "s|^TryExec=.*|TryExec=$here/$name|" \
    "$here/$name.desktop" > "$applications/$name.desktop"
chmod 644 "$applications/$name.desktop"
ln -sfn "$here/$name" "$bin/$name"
refresh_icon_cache

echo "DST Desktop is in the applications menu (Office)${database:+, on $database}."
echo "Command line: $bin/$name (open a new terminal if ~/.local/bin was not on your PATH)."
