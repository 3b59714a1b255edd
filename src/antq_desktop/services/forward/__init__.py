"""A cluster/district office forwarding the packages it merged up to the province."""

from antq_desktop.services.forward.build import ForwardError, write_forward

__all__ = ["ForwardError", "write_forward"]
