"""The kernel manager Voilà uses for ``khcn explore``: at most ``max_kernels`` kernels at once.

Every page view starts a ~160 MB kernel; a server left running all week, or a
page reloaded in a loop, used to pile them up. Idle kernels are culled
(``MappingKernelManager.cull_idle_timeout``), and this class refuses to start one
more than the cap: the page says so (HTTP 503) and the planner closes a tab.
A kernel that has not answered yet (still starting: on a loaded machine that can take
longer than a short idle timeout) is not idle and is never culled mid-start; once it
answers it is idle or busy like any other.
Voilà imports it by name (``VoilaConfiguration.multi_kernel_manager_class``), so
it lives apart from the command and only Voilà pays for importing jupyter_server.
"""

from __future__ import annotations

from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Integer

from khcn_analysis.core.catalogue import t

__all__ = ["CappedKernelManager"]


class CappedKernelManager(AsyncMappingKernelManager):
    """An ``AsyncMappingKernelManager`` that starts no more than ``max_kernels`` kernels."""

    max_kernels = Integer(4, config=True, help="Most kernels (open pages) running at once.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._starting = 0  # starts in flight, so two requests at once cannot both pass the cap

    async def start_kernel(self, *, kernel_id: str | None = None, path: str | None = None,  # type: ignore[override]
                           **kwargs: Any) -> str:
        if kernel_id is None or kernel_id not in self:
            if len(self.list_kernel_ids()) + self._starting >= self.max_kernels:
                self.log.warning("Refusing a kernel: %d running, the cap is %d", len(self.list_kernel_ids()),
                                 self.max_kernels)
                # The reason phrase is an HTTP header (Latin-1 only); the page shows the message.
                raise web.HTTPError(503, reason="Too many open pages",
                                    log_message=f"{t('explore.cli.too_many', 'vi')} / {t('explore.cli.too_many', 'en')}")
            self._starting += 1
            try:
                return await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
            finally:
                self._starting -= 1
        return await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """As Jupyter culls, except a kernel still starting: its page is waiting for it."""
        kernel = self._kernels.get(kernel_id)
        if kernel is not None and getattr(kernel, "execution_state", None) == "starting":
            return
        await super().cull_kernel_if_idle(kernel_id)
