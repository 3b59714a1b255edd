"""Replaces pyinstaller-hooks-contrib's hook-faker: only the locales the app uses.

The stock hook bundles every provider of every locale, as modules *and* as .py data files
(~25 MB). Faker finds providers and locales in a frozen app by globbing
`_MEIPASS/faker/providers/*/__init__.py`, so the kept packages' `__init__.py` files are data too.
"""

from pathlib import Path

from bundle_manifest import faker_locale_modules  # the spec puts installer/ on sys.path
from PyInstaller.utils.hooks import collect_data_files, get_module_file_attribute

hiddenimports = faker_locale_modules()
datas = collect_data_files("text_unidecode")
for _name in hiddenimports:
    _init = Path(get_module_file_attribute(_name))
    datas.append((str(_init), str(Path(*_name.split(".")))))
