import json
import unicodedata

import pytest

from antq_desktop.reports.form_texts import FORM_IDS, FormTextError, load_file, load_form_text


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_bundled_form_texts_load(form_id):
    text = load_form_text(form_id)
    assert text.form_id == form_id and text.version
    assert "124/2021/TT-BCA" in text.citation and "48/2025/TT-BCA" in text.citation
    assert unicodedata.is_normalized("NFC", text.doc_type + text.subject + "".join(text.items))


def test_pledge_is_marked_as_editable_provincial_default():
    text = load_form_text("household_pledge")
    assert text.editable and not text.national_template
    joined = " ".join(text.items)
    for topic in ("tệ nạn xã hội", "Cư trú", "tố giác tội phạm", "Giáo dục", "phòng cháy", "pháo"):
        assert topic.lower() in joined.lower()


def _write(tmp_path, data):
    path = tmp_path / "household_pledge.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _good():
    from antq_desktop.paths import resource_path

    return json.loads(resource_path("forms", "household_pledge.json").read_text(encoding="utf-8"))


def test_missing_key_is_reported_in_vietnamese(tmp_path):
    data = _good()
    del data["items"]
    with pytest.raises(FormTextError, match="thiếu trường bắt buộc: items"):
        load_file(_write(tmp_path, data))


def test_wrong_type_and_missing_label(tmp_path):
    data = _good()
    data["editable"] = "có"
    with pytest.raises(FormTextError, match="editable.*true/false"):
        load_file(_write(tmp_path, data))
    data = _good()
    del data["labels"]["address"]
    with pytest.raises(FormTextError, match="thiếu nhãn.*address"):
        load_file(_write(tmp_path, data))


def test_bad_json_and_wrong_form_id(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{ không phải json", encoding="utf-8")
    with pytest.raises(FormTextError, match="JSON không hợp lệ ở dòng 1"):
        load_file(path)
    with pytest.raises(FormTextError, match='cần "covenant"'):
        load_file(_write(tmp_path, _good()), expected_id="covenant")
    with pytest.raises(FormTextError, match="Không có mẫu biểu"):
        load_form_text("khong_co")


def test_decomposed_input_is_normalised(tmp_path):
    data = _good()
    data["items"] = [unicodedata.normalize("NFD", "Không đốt pháo")]
    assert load_file(_write(tmp_path, data)).items == ("Không đốt pháo",)
