"""Render an N-page portfolio-like document with WeasyPrint; print time and peak memory as JSON.

Run as its own process per size (``python benchmarks/pdf_pages.py 200``) so the peak
RSS belongs to that render alone. Uses the app's print stylesheets when there are any.
"""

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FALLBACK_CSS = """
@page { size: A4; margin: 2cm;
  @bottom-right { content: counter(page) " / " counter(pages); font-family: DejaVu Sans; } }
body { font-family: DejaVu Sans, sans-serif; font-size: 10pt; }
section { break-after: page; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 3pt; }
"""


def stylesheets() -> str:
    found = sorted(ROOT.glob("*/static/**/*.css")) + sorted(ROOT.glob("static/css/*.css"))
    printable = [path for path in found if "print" in path.name or "pdf" in path.name]
    return "\n".join(path.read_text() for path in printable) + FALLBACK_CSS


def document(pages: int) -> str:
    sections = []
    for number in range(1, pages + 1):
        rows = "".join(
            f"<tr><td>Leerdoel {number}.{row}</td><td>Ontwikkelactiviteit met intervisie en reflectie</td>"
            f"<td>{row * 7 % 100}%</td></tr>"
            for row in range(1, 9)
        )
        sections.append(
            f"<section><h2>Periode {number}: voortgangsgesprek en bewijsstukken</h2>"
            + "<p>De trainee werkte aan de competenties uit het beroepsprofiel. Zoë en Aïsha gaven feedback. </p>" * 4
            + f"<table><caption>Leerdoelen</caption><thead><tr><th scope='col'>Leerdoel</th>"
            f"<th scope='col'>Activiteit</th><th scope='col'>Voortgang</th></tr></thead><tbody>{rows}</tbody></table>"
            "</section>"
        )
    return (
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Portfolio</title>"
        f"<style>{stylesheets()}</style></head><body><h1>Portfolio</h1>{''.join(sections)}</body></html>"
    )


# Rendered as the app renders its PDFs (portfolios/pdf/base.py): tagged PDF/A-3a.
PDF_VARIANT = "pdf/a-3a"

if __name__ == "__main__":
    import weasyprint

    sys.path.insert(0, str(ROOT))
    from portfolios.pdf import speedups  # no Django needed

    speedups.install()

    pages = int(sys.argv[1])
    html = document(pages)
    started = time.perf_counter()
    rendered = weasyprint.HTML(string=html, base_url=str(ROOT)).render()
    rendered.write_pdf(pdf_variant=PDF_VARIANT)
    elapsed = (time.perf_counter() - started) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump({"pages": len(rendered.pages), "ms": elapsed, "peak_rss_mb": peak}, sys.stdout)
