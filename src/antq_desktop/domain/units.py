"""The official catalog of provinces and communes (34 provinces, 3,321 communes since 01/07/2025)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vietnam_provinces import Province, Ward

from antq_desktop.domain.text import fold, sort_key


@dataclass(frozen=True)
class OfficialUnit:
    code: str  # provinces: 2 digits; communes: 5 digits, as in the catalog
    name: str
    kind: str  # "province" | "xã" | "phường" | "đặc khu"
    province_code: str

    @property
    def short_name(self) -> str:
        """The name without its administrative prefix ("Phường Hoàn Kiếm" → "Hoàn Kiếm")."""
        for prefix in ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu "):
            if self.name.startswith(prefix):
                return self.name[len(prefix):]
        return self.name


def _province(p: Province) -> OfficialUnit:
    code = f"{int(p.code):02d}"
    return OfficialUnit(code, p.name, "province", code)


def _commune(w: Ward) -> OfficialUnit:
    return OfficialUnit(
        f"{int(w.code):05d}", w.name, str(w.division_type.value), f"{int(w.province_code):02d}"
    )


@lru_cache(maxsize=1)
def provinces() -> tuple[OfficialUnit, ...]:
    return tuple(sorted((_province(p) for p in Province.iter_all()), key=lambda u: sort_key(u.short_name)))


@lru_cache(maxsize=1)
def _communes_by_code() -> dict[str, OfficialUnit]:
    return {u.code: u for u in (_commune(w) for w in Ward.iter_all())}


def communes(province_code: str | None = None) -> list[OfficialUnit]:
    units = list(_communes_by_code().values())
    if province_code:
        units = [u for u in units if u.province_code == province_code]
    return sorted(units, key=lambda u: sort_key(u.short_name))


def find_province(code: str) -> OfficialUnit | None:
    return next((p for p in provinces() if p.code == code.strip().zfill(2)), None)


def find_commune(code: str) -> OfficialUnit | None:
    code = code.strip()
    return _communes_by_code().get(code.zfill(5)) if code.isdigit() else None


def search_communes(query: str, province_code: str | None = None) -> list[OfficialUnit]:
    """Diacritic-insensitive search on name or code ("hoan kiem" finds "Phường Hoàn Kiếm")."""
    needle = fold(query)
    return [u for u in communes(province_code) if needle in fold(u.name) or u.code.startswith(needle)]
