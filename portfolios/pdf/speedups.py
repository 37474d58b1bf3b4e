"""Keep tagged PDFs linear in their number of pages.

pydyf builds ``PDF.page_references`` (a tuple with every page) anew on each access, and
WeasyPrint's tagging (PDF/A-3a, PDF/UA) reads it once per structure element, so a tagged
PDF costs pages × elements: a 200-page portfolio spent seconds on it alone. The tuple is
cached here until a page is added. No Django imports: the benchmark loads this module too.
"""

import pydyf

_uncached = pydyf.PDF.page_references


def _page_references(pdf) -> tuple:
    count = len(pdf.pages["Kids"])
    cached = pdf.__dict__.get("_page_references_cache")
    if cached is None or cached[0] != count:
        cached = (count, _uncached.fget(pdf))
        pdf.__dict__["_page_references_cache"] = cached
    return cached[1]


def install() -> None:
    """Idempotent; pages are only ever appended, so the count tells when the cache is stale."""
    if pydyf.PDF.page_references is _uncached:
        pydyf.PDF.page_references = property(_page_references)
