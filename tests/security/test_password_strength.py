"""Password strength (zxcvbn): what the common-password list missed is refused, with the reason in Vietnamese."""

import ast
import re

import pytest
import zxcvbn.feedback

from antq_desktop.domain.errors import ValidationError
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.accounts import password_strength, users

VIETNAMESE = re.compile(r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.IGNORECASE)


@pytest.mark.parametrize("password", ["aaaaaaaa", "01011990", "12345678a"])
@pytest.mark.parametrize("role", ["admin", "officer", "readonly"])
def test_guessable_passwords_are_refused_in_vietnamese(password: str, role: str) -> None:
    problem = accounts.password_problem(password, role)
    assert problem and problem.startswith("Mật khẩu quá dễ đoán.") and VIETNAMESE.search(problem)
    assert not re.search(r"\b(the|is|are|easy|guess|Avoid|Add)\b", problem), problem


def test_each_reason_is_said_in_vietnamese() -> None:
    assert "Ký tự lặp lại" in (accounts.password_problem("aaaaaaaa") or "")
    assert "rất phổ biến" in (accounts.password_problem("01011990") or "")


def test_every_zxcvbn_sentence_has_a_vietnamese_one() -> None:
    tree = ast.parse(open(zxcvbn.feedback.__file__, encoding="utf-8").read())
    english = {node.args[0].value for node in ast.walk(tree) if isinstance(node, ast.Call)
               and isinstance(node.func, ast.Name) and node.func.id == "_" and isinstance(node.args[0], ast.Constant)}
    assert len(english) > 20 and not english - set(password_strength.feedback_sentences())


def test_admins_need_a_stronger_password_than_officers() -> None:
    medium = next(p for p in ("hoa sen 1975", "bientap2", "trang9x7", "matkhau moi") if
                  password_strength.strength_problem(p, "officer") is None
                  and password_strength.strength_problem(p, "admin") is not None)
    assert accounts.password_problem(medium, "officer") is None
    assert "dễ đoán" in (accounts.password_problem(medium, "admin") or "")


@pytest.mark.parametrize("role", ["admin", "officer"])
def test_a_long_vietnamese_sentence_passes(role: str) -> None:
    assert accounts.password_problem("Sáng nay tôi đi tuần cùng tổ dân phòng khu phố 3", role) is None


def test_the_services_refuse_weak_passwords(store, admin) -> None:
    with pytest.raises(ValidationError, match="dễ đoán"):
        users.add(store, admin, username="lan", full_name="Lan", role="officer", password="12345678a")
    with pytest.raises(ValidationError, match="dễ đoán"):
        users.change_own_password(store, "admin", "mot cau rat dai", "01011990")
    with pytest.raises(ValidationError, match="dễ đoán"):
        users.reset_password(store, admin, "admin", "aaaaaaaa")
