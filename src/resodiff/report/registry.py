"""Renderers: an object in, bytes out, each with a media type and a file suffix.

Every output of resodiff is a renderer in the registry of the artefact it renders (a resolution,
a change report, a history, a pairing index, check findings). The command line's ``--format``
choices are the registries' names; adding an output is registering one renderer. Renderers
never change what they render: every artefact is immutable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a renderer may be told besides its subject."""

    color: bool = False
    """Terminal colours (text renderers only)."""
    stem: str | None = None
    """The name (without suffix) of the file the output is written to, for an output that links
    to files written beside it (a multi-part comparison's index page links to ``STEM-A.html``)."""


class Renderer(Protocol[T_contra]):
    """What a registry holds: an object in, bytes out, with a name, a media type, a file
    suffix and a one-line summary (the command line's help)."""

    @property
    def name(self) -> str: ...
    @property
    def media_type(self) -> str: ...
    @property
    def suffix(self) -> str: ...
    @property
    def summary(self) -> str: ...

    def render(self, subject: T_contra, options: RenderOptions) -> bytes:
        """The subject rendered as bytes."""
        ...


@dataclass(frozen=True, slots=True)
class FunctionRenderer(Generic[T]):
    """A renderer made of a function that returns text (written as UTF-8) or bytes."""

    name: str
    media_type: str
    suffix: str
    summary: str
    function: Callable[[T, RenderOptions], str | bytes]

    def render(self, subject: T, options: RenderOptions) -> bytes:
        """The function's output, text written as UTF-8."""
        output = self.function(subject, options)
        return output.encode("utf-8") if isinstance(output, str) else output


class Registry(Generic[T]):
    """The renderers of one artefact, by name."""

    def __init__(self, artefact: str) -> None:
        self.artefact = artefact
        self._renderers: dict[str, Renderer[T]] = {}

    def register(self, renderer: Renderer[T]) -> Renderer[T]:
        """Add a renderer; its name must be new in this registry."""
        if renderer.name in self._renderers:
            raise ValueError(f"a {self.artefact} renderer named {renderer.name!r} is already registered")
        self._renderers[renderer.name] = renderer
        return renderer

    def unregister(self, name: str) -> None:
        """Remove the renderer of this name."""
        del self._renderers[name]

    def renderer(
        self, name: str, *, media_type: str, suffix: str, summary: str
    ) -> Callable[[Callable[[T, RenderOptions], str | bytes]], Callable[[T, RenderOptions], str | bytes]]:
        """Register a function as a renderer (a decorator)."""

        def register(function: Callable[[T, RenderOptions], str | bytes]) -> Callable[[T, RenderOptions], str | bytes]:
            self.register(FunctionRenderer(name, media_type, suffix, summary, function))
            return function

        return register

    def __getitem__(self, name: str) -> Renderer[T]:
        return self._renderers[name]

    def __contains__(self, name: object) -> bool:
        return name in self._renderers

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._renderers))

    def names(self) -> list[str]:
        """The renderers' names, sorted (the command line's ``--format`` choices)."""
        return sorted(self._renderers)

    def render(self, name: str, subject: T, options: RenderOptions | None = None) -> bytes:
        """The named renderer's output for the subject."""
        return self._renderers[name].render(subject, options or RenderOptions())
