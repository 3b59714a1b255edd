#!/bin/sh
# Re-extract every translatable string of the GUI into antq_en.ts (keeping existing translations),
# fill in the English texts kept in english.py, then compile antq_en.qm.
# Run from anywhere: resources/translations/update.sh
set -eu
cd "$(dirname "$0")/../.."
BIN=.venv/bin
[ -x "$BIN/pyside6-lupdate" ] || BIN="$(dirname "$(command -v pyside6-lupdate)")"
"$BIN/pyside6-lupdate" -extensions py -source-language vi_VN -target-language en_GB -no-obsolete \
    src/antq_desktop/ui -ts resources/translations/antq_en.ts
"$BIN/python" resources/translations/english.py resources/translations/antq_en.ts
"$BIN/pyside6-lrelease" resources/translations/antq_en.ts -qm resources/translations/antq_en.qm
