"""The cohort export page polls while the export runs, says how long is left, and stops when done."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from portfolios.models import PortfolioExport


def export(personas, **fields):
    return PortfolioExport.objects.create(requested_by=personas.manager, organisation=personas.organisation, **fields)


def test_running_export_estimates_the_time_left_from_the_pace_so_far(personas, client_for):
    running = export(personas, status="running", done=2, total=10, started_at=timezone.now() - timedelta(minutes=1))
    url = reverse("portfolios:export_detail", kwargs={"pk": running.pk})
    partial = client_for(personas.manager, "en").get(url, headers={"HX-Request": "true"}).content.decode()
    # Two portfolios a minute: eight more take about four minutes.
    assert "About 4 minutes left." in partial
    assert 'data-hx-trigger="every 2s"' in partial and "<h1" not in partial
    assert "Over ongeveer 4 minuten klaar." in client_for(personas.manager).get(url).content.decode()


def test_estimate_waits_for_the_first_portfolio_and_polling_stops_when_done(personas, client_for):
    client = client_for(personas.manager, "en")
    waiting = export(personas, status="running", done=0, total=3, started_at=timezone.now())
    page = client.get(reverse("portfolios:export_detail", kwargs={"pk": waiting.pk})).content.decode()
    assert "Estimating how long it takes" in page
    almost = export(personas, status="running", done=9, total=10, started_at=timezone.now() - timedelta(seconds=45))
    assert (
        "Less than a minute left."
        in client.get(reverse("portfolios:export_detail", kwargs={"pk": almost.pk})).content.decode()
    )
    done = export(personas, status="done", done=3, total=3, started_at=timezone.now(), finished_at=timezone.now())
    partial = client.get(
        reverse("portfolios:export_detail", kwargs={"pk": done.pk}), headers={"HX-Request": "true"}
    ).content.decode()
    assert "every 2s" not in partial and "left." not in partial
