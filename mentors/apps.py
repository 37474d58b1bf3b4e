from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorsConfig(AppConfig):
    name = "mentors"
    verbose_name = _("Mentors")

    def ready(self):
        from mentors import (
            notification_cache,
            permissions,  # noqa: F401  (the app's read rules register for the privacy page)
        )
        from mentors.models import Addendum, Agreement, Meeting, MeetingGoalProgress
        from programmes import content_version as cv

        # The portfolio PDF shows the recorded meetings (stored PDFs go stale on a change).
        cv.track(Meeting, "traineeship")
        cv.track(Agreement, "traineeship")
        for model in (MeetingGoalProgress, Addendum):
            cv.track(model, "meeting__traineeship")
        notification_cache.watch()
