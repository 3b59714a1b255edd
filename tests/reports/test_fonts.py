from antq_desktop.paths import resource_path
from antq_desktop.reports import fonts


def test_font_files_and_licence_are_bundled():
    for name in fonts._FILES.values():
        assert resource_path("fonts", name).is_file()
    assert "SIL" in resource_path("fonts", "LICENSE-LiberationFonts.txt").read_text(encoding="utf-8")


def test_every_vietnamese_letter_in_every_face():
    letters = fonts.vietnamese_letters()
    assert len(letters) == 12 * 2 * 6 + 2  # 12 vowels x 2 cases x (no tone + 5 tones) + đ Đ
    for face in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        assert fonts.missing_glyphs(letters, face) == ""
    assert fonts.missing_glyphs("…“”≥–") == ""


def test_register_is_idempotent():
    assert fonts.register_fonts() == fonts.register_fonts() == fonts.FAMILY
