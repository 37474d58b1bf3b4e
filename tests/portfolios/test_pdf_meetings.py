"""The progress meetings in the portfolio PDF: complete (agreements, progress per goal), contributed
by the mentors app through the composing traineeship package."""

import ast
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from goals.models import GoalProgress
from mentors.models import Agreement, MeetingGoalProgress
from tests.mentors.factories import AgreementFactory, MeetingFactory, record
from tests.portfolios.factories import GoalFactory
from tests.portfolios.pdf_helpers import flat_text


def test_meeting_in_pdf_has_its_agreements_and_progress_per_goal(traineeship, personas, client_for):
    meeting = record(
        MeetingFactory(traineeship=traineeship, date="2026-10-05"),
        personas.mentor,
        notes="Tweede gesprek over de huisbezoeken",
        private_note="GEHEIM-NOTITIE",
    )
    AgreementFactory(
        meeting=meeting, description="Verslag van huisbezoek schrijven", owner=personas.trainee, due_date="2026-10-19"
    )
    AgreementFactory(meeting=meeting, description="Intervisie plannen", owner=personas.mentor, status="done")
    goal = GoalFactory(traineeship=traineeship, title="Zelfstandig huisbezoeken afleggen")
    progress = GoalProgress.objects.create(goal=goal, recorded_on="2026-10-05", progress=40, note="Twee van de vijf")
    MeetingGoalProgress.objects.create(meeting=meeting, progress=progress)
    url = reverse("portfolios:portfolio_pdf", kwargs={"pk": traineeship.pk})
    response = client_for(personas.manager, "en").get(url)
    text = flat_text(response.content)
    assert "Tweede gesprek over de huisbezoeken" in text
    assert f"Verslag van huisbezoek schrijven {personas.trainee.name} 19 October 2026 Open" in text
    assert f"Intervisie plannen {personas.mentor.name}" in text and "Done" in text
    assert "Zelfstandig huisbezoeken afleggen 40% Twee van de vijf" in text
    assert "GEHEIM-NOTITIE" not in text
    assert Agreement.objects.count() == 2


def test_meetings_section_is_composed_outside_portfolios_and_mentors():
    """portfolios and mentors never import each other; the traineeship package joins them."""
    for app, other in [("portfolios", "mentors"), ("mentors", "portfolios")]:
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                assert not any(name.split(".")[0] == other for name in names), f"{path} imports {other}"
    from portfolios.pdf.portfolio import SECTIONS

    keys = [section.key for section in SECTIONS]
    assert keys.index("meetings") == keys.index("final-evaluation") - 1
