"""Plans: an upper office publishes its plan package; a lower unit receives it."""

from antq_desktop.services.plans.publish import PlanPackageError, PublishResult
from antq_desktop.services.plans.publish import publish as publish_plan
from antq_desktop.services.plans.receive import PlanImportResult, import_plan

__all__ = ["PlanImportResult", "PlanPackageError", "PublishResult", "import_plan", "publish_plan"]
