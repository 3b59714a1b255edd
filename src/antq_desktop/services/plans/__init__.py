"""Plans: an upper office publishes its plan package; a lower unit receives it."""

from antq_desktop.services.plans.manage import (
    PlanError,
    PlanView,
    create_from_template,
    own_plan,
    set_target,
    template_title,
)
from antq_desktop.services.plans.manage import show as show_plan
from antq_desktop.services.plans.publish import PlanPackageError, PublishResult
from antq_desktop.services.plans.publish import publish as publish_plan
from antq_desktop.services.plans.receive import PlanImportResult, import_plan

__all__ = ["PlanError", "PlanImportResult", "PlanPackageError", "PlanView", "PublishResult", "create_from_template",
           "import_plan", "own_plan", "publish_plan", "set_target", "show_plan", "template_title"]
