"""`antq` imports only the chosen command's module; `--help` still lists every command."""

import argparse
import json
import os
import subprocess
import sys

import pytest

from antq_desktop.cli import commands
from antq_desktop.cli.main import build_parser, main

HEAVY = ("reportlab", "openpyxl", "faker")
# What the original cli/commands.py registered, in this order (the listing must not change).
ORIGINAL_MODULE_ORDER = [
    "antq_desktop.cli.core_commands", "antq_desktop.cli.trust_commands", "antq_desktop.cli.office_commands",
    "antq_desktop.selftest", "antq_desktop.cli.package_commands", "antq_desktop.cli.form_commands",
    "antq_desktop.cli.pledge_commands", "antq_desktop.cli.merge_commands", "antq_desktop.cli.plan_commands",
    "antq_desktop.cli.db_commands",
    "antq_desktop.cli.review_commands",  # issue 14: held list, conflicts (appended: earlier order unchanged)
    "antq_desktop.cli.recovery_commands",  # issue 14 point 4: recovery build/preview/apply (appended)
]

# Runs `antq ARGS…` in a fresh interpreter, then reports the exit code and the loaded modules on stderr.
WRAPPER = """
import json, sys
from antq_desktop.cli.main import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _run(*args, tmp_path):
    env = {**os.environ, "ANTQ_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-c", WRAPPER, *args], capture_output=True, text=True, encoding="utf-8",
                            env=env, stdin=subprocess.DEVNULL, timeout=120)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    return result.stdout, report["code"], set(report["modules"])


def _top(modules):
    return {name.split(".")[0] for name in modules}


def _command_modules(modules):
    return {name for name in modules if name in commands.MODULES}


def test_help_lists_every_command_without_importing_any(tmp_path):
    out, code, modules = _run("--help", tmp_path=tmp_path)
    assert code == 0
    assert _top(modules).isdisjoint(HEAVY), sorted(_top(modules) & set(HEAVY))
    assert _command_modules(modules) == set()
    assert "sqlalchemy" not in _top(modules)  # not even the storage layer
    flat = " ".join(out.split())
    for command in commands.COMMANDS:
        assert command.name in out
        assert " ".join(command.help.split()) in flat, command.name  # argparse wraps lines


def test_a_command_imports_its_own_module_only(tmp_path):
    out, code, modules = _run("stats", "--help", tmp_path=tmp_path)
    assert code == 0 and "--json" in out
    assert _command_modules(modules) == {"antq_desktop.cli.core_commands"}
    assert _top(modules).isdisjoint(HEAVY)  # Faker is imported by `antq demo` only
    out, code, modules = _run("form", "--help", tmp_path=tmp_path)
    assert code == 0
    assert _command_modules(modules) == {"antq_desktop.cli.form_commands"}
    assert "reportlab" in _top(modules)  # its own dependencies do load


def test_the_table_matches_what_the_modules_register():
    """Name, help and order of every command, as the modules themselves register them."""
    assert list(commands.MODULES) == ORIGINAL_MODULE_ORDER
    registered = []
    for module in commands.MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        for register in commands.registrars(module):
            register(sub)
        registered += [(action.dest, module, action.help) for action in sub._choices_actions]
    assert registered == [(c.name, c.module, c.help) for c in commands.COMMANDS]
    assert len(commands.REGISTRARS) == sum(len(commands.registrars(m)) for m in commands.MODULES)


def _nested(parser, path):
    """Every command path below `path` (e.g. ["key", "export"]) that has subcommands of its own."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found.append([*path, name])
                found += _nested(child, [*path, name])
    return found


@pytest.mark.parametrize("name", [c.name for c in commands.COMMANDS])
def test_every_command_and_subcommand_help_works(name, capsys):
    parser = build_parser(name)
    command_parser = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[name]
    paths = [[name], *_nested(command_parser, [name])]
    for path in paths:
        with pytest.raises(SystemExit) as exit_info:
            main([*path, "--help"])
        assert exit_info.value.code == 0, path
        out = capsys.readouterr().out
        assert out.startswith(f"cách dùng: antq {' '.join(path)}"), (path, out[:200])
    assert capsys.readouterr().err == ""


def test_usage_errors_and_version_still_work(capsys):
    assert main(["frobnicate"]) == 2
    assert "lựa chọn không hợp lệ" in capsys.readouterr().err
    assert main([]) == 2
    assert main(["stats", "--no-such-option"]) == 2
    assert "--no-such-option" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0 and capsys.readouterr().out.startswith("antq ")
