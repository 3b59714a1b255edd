#!/bin/sh
# Re-extract every translatable string of the GUI into antq_en.ts, fill in the English texts kept in
# english.py, then compile antq_en.qm. Run from anywhere: resources/translations/update.sh
#   - lupdate finds tr()/translate()/QT_TRANSLATE_NOOP and N (both from ui/i18n.py, typed as returning str);
#   - extract_helpers.py adds calls of one-line helpers like tr_page("…") that lupdate cannot see;
#   - english.py lists any string still without English (translate it there, then re-run).
#   - qtbase_vi.ts holds Qt's own texts (buttons, file dialog) in Vietnamese: Qt ships none.
# No -no-obsolete: with it lupdate DELETES every entry it cannot see in the source — texts a page
# translates from a variable (the services' labels), entries added by hand or by extract_helpers.py
# on an earlier run — and their English silently fell back to Vietnamese. Without it lupdate marks
# them "vanished"; english.py keeps any such entry that has an English text (lrelease skips vanished
# ones). A text truly gone from the program is removed from antq_en.ts by hand.
set -eu
cd "$(dirname "$0")/../.."
BIN=.venv/bin
[ -x "$BIN/pyside6-lupdate" ] || BIN="$(dirname "$(command -v pyside6-lupdate)")"
"$BIN/pyside6-lupdate" -extensions py -source-language vi_VN -target-language en_GB \
    -tr-function-alias QT_TRANSLATE_NOOP+=N src/antq_desktop/ui -ts resources/translations/antq_en.ts
"$BIN/python" resources/translations/extract_helpers.py src/antq_desktop/ui resources/translations/antq_en.ts
"$BIN/python" resources/translations/english.py resources/translations/antq_en.ts
"$BIN/pyside6-lrelease" resources/translations/antq_en.ts -qm resources/translations/antq_en.qm
"$BIN/pyside6-lrelease" resources/translations/qtbase_vi.ts -qm resources/translations/qtbase_vi.qm  # Qt's own texts in Vietnamese
