from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from programmes import permissions  # noqa: F401  (the app's read rules register for the privacy page)

        track_content()


def track_content() -> None:
    """What the traineeship's documents show of this app (see ``programmes.content_version``).
    Goals track themselves in the goals app, which stands above this one."""
    from competencies.models import Competency
    from organisations.models import Organisation, User
    from programmes import content_version as cv
    from programmes.models import (
        Cohort,
        DevelopmentActivity,
        DevelopmentDay,
        GroupAttendance,
        Placement,
        ProfileCompetency,
        Programme,
        Registration,
        Traineeship,
        WorkProfile,
    )

    cv.track(Traineeship, "id", deletes=False)
    for model in (Placement, WorkProfile, ProfileCompetency, Registration):
        cv.track(model, "traineeship")
    cv.track(DevelopmentActivity, "traineeship", m2m=("competencies",))
    # A group activity is on the plan of every trainee of its cohort; attendance is one trainee's.
    cv.track(GroupAttendance, "traineeship")
    cv.track_wide(DevelopmentDay, "cohort__development_days")
    cv.track_wide(Organisation, "programme__owner", fields={"name", "logo", "accent_colour", "retention_years"})
    cv.track_wide(Programme, "programme")
    cv.track_wide(Cohort, "cohort", fields={"name"})
    cv.track_wide(Competency, "profile_competencies__competency")
    cv.track_wide(User, "trainee", fields={"name"})
    cv.track_wide(User, "placements__mentor", fields={"name"})
