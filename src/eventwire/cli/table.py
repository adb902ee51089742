"""A readable terminal table of one article result."""

from __future__ import annotations

from ..records import Actor, ArticleResult

COLUMNS = ("#", "status", "source", "cameo", "plover", "target", "trigger")


def _actor(a: Actor | None) -> str:
    if a is None:
        return "-"
    label = a.name or a.text
    return f"{label} [{a.code}]" if a.code else label


def render_table(result: ArticleResult, width: int = 28) -> str:
    art = result.article
    head = f"== {art.source or art.id}"
    if art.published:
        head += f"  ({art.published.isoformat()})"
    lines = [head]
    rows = [
        (
            str(e.sentence),
            e.status,
            _actor(e.source),
            f"{e.cameo} {e.cameo_name}",
            f"{e.plover.type}{'/' + e.plover.mode if e.plover and e.plover.mode else ''}"
            if e.plover
            else "-",
            _actor(e.target),
            e.trigger.text,
        )
        for e in result.events
    ]
    if not rows:
        lines.append("   (no events)")
    else:
        cut = [tuple(c if len(c) <= width else c[: width - 1] + "…" for c in r) for r in rows]
        widths = [max(len(h), *(len(r[i]) for r in cut)) for i, h in enumerate(COLUMNS)]
        lines.append("  ".join(h.ljust(w) for h, w in zip(COLUMNS, widths, strict=True)))
        lines.append("  ".join("-" * w for w in widths))
        lines.extend(
            "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cut
        )
    for p in result.problems:
        where = f" (sentence {p.sentence})" if p.sentence is not None else ""
        lines.append(f"   problem {p.code}{where}: {p.message}")
    return "\n".join(lines)
