#!/bin/sh
# Put Concord in the desktop's menu and "Open with" for the current user (no root needed):
#   ./install.sh              from the unpacked Concord folder (it sits next to `concord`)
#   packaging/install.sh DIR  from a source checkout, DIR being the built folder (dist/concord)
#   ./install.sh --uninstall  remove the menu entry, icons and metadata again
# Files go under ${XDG_DATA_HOME:-~/.local/share}: applications/, icons/hicolor/, metainfo/.
# Concord is registered for the formats it reads but not made their default application.
set -eu

APP_ID=org.concord.Concord
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
ACTION=install
BUNDLE=
for arg in "$@"; do
    case $arg in
        --uninstall) ACTION=uninstall ;;
        -h|--help) sed -n '2,7s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) BUNDLE=$arg ;;
    esac
done
[ -n "$BUNDLE" ] || BUNDLE=$(dirname "$0")
BUNDLE=$(cd "$BUNDLE" && pwd)

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
    fi
}

if [ "$ACTION" = uninstall ]; then
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
    rm -f "$DATA"/icons/hicolor/*/apps/"$APP_ID".png "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    refresh
    echo "Concord removed from the menu (the folder $BUNDLE itself is left alone)."
    exit 0
fi

EXE=$BUNDLE/concord
if [ ! -x "$EXE" ]; then
    echo "install.sh: no Concord program at $EXE; give the unpacked Concord folder" >&2
    exit 2
fi
case $EXE in
    *[\"\`\$\\]*) echo "install.sh: move Concord to a folder whose path has no \" \` \$ or \\" >&2
                  exit 2 ;;
esac
# Icons, desktop entry and metainfo: in the bundle's resources, or in a source checkout.
RES=$BUNDLE/_internal/resources
[ -d "$RES/linux" ] || RES=$(cd "$(dirname "$0")/.." && pwd)/resources
if [ ! -f "$RES/linux/$APP_ID.desktop" ]; then
    echo "install.sh: $APP_ID.desktop not found in $BUNDLE or next to this script" >&2
    exit 2
fi

mkdir -p "$DATA/applications" "$DATA/metainfo"
(cd "$RES/icons" && find hicolor -type f -name "$APP_ID.*") | while read -r icon; do
    mkdir -p "$DATA/icons/$(dirname "$icon")"
    cp "$RES/icons/$icon" "$DATA/icons/$icon"
done
sed -e "s|^Exec=concord |Exec=\"$EXE\" |" -e "s|^TryExec=.*|TryExec=$EXE|" \
    "$RES/linux/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop.tmp"
mv "$DATA/applications/$APP_ID.desktop.tmp" "$DATA/applications/$APP_ID.desktop"
cp "$RES/linux/$APP_ID.metainfo.xml" "$DATA/metainfo/"
refresh
echo "Concord is in the menu and in \"Open with\" ($DATA/applications/$APP_ID.desktop)."
echo "It runs $EXE: install again after moving that folder."
