"""`make dist`: build the one-folder bundle, check it, archive it with a SHA-256 file.

    python installer/make_dist.py                # build + archive (+ size report)
    python installer/make_dist.py --self-test    # ... and run the frozen self-test (CI)
    python installer/make_dist.py --no-build --self-test   # check an existing dist/ only
    python installer/make_dist.py --installer    # Windows: also run Inno Setup's iscc

Writes dist/antq-desktop/ (the folder to copy), dist/antq-desktop-<version>-<platform>.tar.gz
on Linux (.zip on Windows) and the archive's .sha256 (`sha256sum -c` format). Exit status is
non-zero when the build, the size budget or the self-test fails.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_manifest as bm  # noqa: E402

DIST = bm.REPO / "dist"
BUILD = bm.REPO / "build"
SPEC = bm.REPO / "installer" / "antq_desktop.spec"
MB = 1_000_000  # the budget is stated in decimal megabytes (issue 8): 160 MB = 160,000,000 bytes
SIZE_BUDGET_MB = 160  # unpacked folder, Linux
POSTGRES_EXTRA_MB = 12  # ANTQ_BUNDLE_POSTGRES=1: psycopg with libpq, its OpenSSL, Kerberos, LDAP (~11 MB)


def size_budget_bytes(postgres: bool | None = None) -> int:
    """The size budget of the unpacked folder in bytes (decimal MB), larger with the PostgreSQL driver."""
    if postgres is None:
        postgres = os.environ.get("ANTQ_BUNDLE_POSTGRES") == "1"
    return (SIZE_BUDGET_MB + (POSTGRES_EXTRA_MB if postgres else 0)) * MB


def over_budget(total: int, postgres: bool | None = None) -> str | None:
    """Why a folder of `total` bytes is over the size budget, or None when it is within it."""
    budget = size_budget_bytes(postgres)
    if total <= budget:
        return None
    return f"{total / MB:.1f} MB ({total:,} bytes) is over the size budget of {budget / MB:.0f} MB ({budget:,} bytes)"


def build() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD), str(SPEC)], check=True, cwd=bm.REPO)
    return time.perf_counter() - started


def folder() -> Path:
    return DIST / bm.dist_name()


def exe(name: str) -> Path:
    return folder() / (name + (".exe" if sys.platform == "win32" else ""))


def sizes(root: Path) -> tuple[int, int, list[tuple[int, str]]]:
    """(total bytes, files, biggest contributors) without following symlinks."""
    total, files, by_item = 0, 0, {}
    for path in root.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        files += 1
        rel = path.relative_to(root)
        if rel.parts[0] == "_internal" and len(rel.parts) > 2 and rel.parts[1] == "PySide6":
            key = str(Path(*rel.parts[:5])) if rel.parts[2] == "Qt" and len(rel.parts) > 4 else str(rel)
        elif rel.parts[0] == "_internal" and len(rel.parts) > 2:
            key = str(Path(*rel.parts[:2]))
        else:
            key = str(rel)
        by_item[key] = by_item.get(key, 0) + size
    return total, files, sorted(((s, k) for k, s in by_item.items()), reverse=True)[:20]


def missing_libraries(root: Path) -> set[str]:
    """Linux: sonames the bundled ELF files need that neither the bundle nor this system has."""
    if not sys.platform.startswith("linux"):
        return set()
    internal = root / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    missing: set[str] = set()
    for path in internal.rglob("*.so*"):
        if path.is_symlink():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, check=False).stdout
        missing.update(line.split()[0] for line in out.splitlines() if "not found" in line)
    return missing


def run_self_tests() -> float:
    started = time.perf_counter()
    env = dict(os.environ)
    env.pop("ANTQ_HOME", None)
    for command in ([str(exe(bm.DEBUG_NAME)), "--self-test"], [str(exe(bm.CLI_NAME)), "self-test"]):
        print("$", " ".join(Path(command[0]).name if i == 0 else c for i, c in enumerate(command)), flush=True)
        subprocess.run(command, check=True, env=env, timeout=600)
    check_cli_help(env)
    return time.perf_counter() - started


def check_cli_help(env: dict[str, str]) -> None:
    """`antq --help` lists every command, and every command's --help works: the CLI imports a
    command's module by name only when it is chosen, so this proves each one is in the bundle."""
    sys.path.insert(0, str(bm.SRC))
    from antq_desktop.cli.commands import COMMANDS

    def run(*args: str) -> str:
        return subprocess.run([str(exe(bm.CLI_NAME)), *args], check=True, env=env, timeout=120,
                              capture_output=True, text=True, encoding="utf-8").stdout

    listing = run("--help")
    missing = [c.name for c in COMMANDS if c.name not in listing]
    if missing:
        raise SystemExit(f"make_dist: the frozen `antq --help` does not list {' '.join(missing)}")
    for command in COMMANDS:
        # The usage line is in Vietnamese ("cách dùng:", cli/usage_vi.py), like every CLI message.
        if not run(command.name, "--help").startswith(f"cách dùng: antq {command.name}"):
            raise SystemExit(f"make_dist: the frozen `antq {command.name} --help` printed no usage")
    print(f"$ antq --help, antq COMMAND --help: all {len(COMMANDS)} commands", flush=True)


def archive() -> Path:
    name, version = bm.project()
    machine = platform.machine().lower().replace("amd64", "x86_64")
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    stem = f"{name}-{version}-{system}-{machine}"
    if sys.platform == "win32":
        target = DIST / f"{stem}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for path in sorted(folder().rglob("*")):
                zf.write(path, Path(bm.dist_name(), path.relative_to(folder())))
    else:
        target = DIST / f"{stem}.tar.gz"
        with tarfile.open(target, "w:gz", compresslevel=6) as tf:  # symlinks stay symlinks
            tf.add(folder(), arcname=bm.dist_name())
    digest = hashlib.sha256()
    with open(target, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    Path(f"{target}.sha256").write_text(f"{digest.hexdigest()}  {target.name}\n", encoding="utf-8")
    return target


def windows_installer() -> Path:
    """Compile installer/antq_desktop.iss with iscc (Inno Setup 6) for this version."""
    import shutil

    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        raise SystemExit("make_dist: iscc (Inno Setup 6) is not on PATH")
    name, version = bm.project()
    subprocess.run([iscc, f"/DAppVersion={version}", str(bm.REPO / "installer" / "antq_desktop.iss")],
                   check=True, cwd=bm.REPO)
    return DIST / f"{name}-{version}-windows-setup.exe"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="use the existing dist/ folder")
    parser.add_argument("--self-test", action="store_true", help="run the frozen self-tests")
    parser.add_argument("--no-archive", action="store_true")
    parser.add_argument("--installer", action="store_true", help="Windows: build the Inno Setup installer too")
    args = parser.parse_args()

    build_seconds = None if args.no_build else build()
    if not exe(bm.GUI_NAME).exists():
        print(f"make_dist: {exe(bm.GUI_NAME)} is missing", file=sys.stderr)
        return 1
    total, files, biggest = sizes(folder())
    budget = size_budget_bytes()
    print(f"\n{folder().relative_to(bm.REPO)}: {total / MB:.1f} MB ({total:,} bytes, {total / 2**20:.1f} MiB) "
          f"in {files} files" + (f", built in {build_seconds:.0f} s" if build_seconds else ""))
    print(f"size budget {budget / MB:.0f} MB ({budget:,} bytes): {(budget - total) / MB:+.1f} MB left")
    for size, item in biggest:
        print(f"  {size / MB:7.1f} MB  {item}")
    missing = missing_libraries(folder())
    if missing:
        print("System libraries the target machine must provide (not found here either): "
              + " ".join(sorted(missing)))
    status = 0
    problem = over_budget(total)
    if sys.platform.startswith("linux") and problem:
        print(f"make_dist: {problem}", file=sys.stderr)
        status = 1
    if args.self_test:
        print(f"frozen self-tests passed in {run_self_tests():.1f} s")
    if not args.no_archive:
        target = archive()
        print(f"{target.relative_to(bm.REPO)}: {target.stat().st_size / 1e6:.1f} MB, "
              f"SHA-256 in {target.name}.sha256")
    if args.installer:
        setup = windows_installer()
        print(f"{setup.relative_to(bm.REPO)}: {setup.stat().st_size / 1e6:.1f} MB")
    return status


if __name__ == "__main__":
    sys.exit(main())
