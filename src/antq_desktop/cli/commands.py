"""Every command group of `antq`; each module contributes its REGISTRARS."""

from antq_desktop import selftest
from antq_desktop.cli import core_commands, form_commands, office_commands, package_commands, trust_commands

REGISTRARS = [*core_commands.REGISTRARS, *trust_commands.REGISTRARS, *office_commands.REGISTRARS,
              *selftest.CLI_REGISTRARS, *package_commands.REGISTRARS]
REGISTRARS += form_commands.REGISTRARS  # antq form …, antq report …
REGISTRARS += __import__("antq_desktop.cli.merge_commands", fromlist=["_"]).REGISTRARS  # antq merge
REGISTRARS += __import__("antq_desktop.cli.plan_commands", fromlist=["_"]).REGISTRARS  # antq plan, antq forward
