"""The forms each role is expected to reach in the demo site, by the shape of their action
(``tests.crawling.pattern_of``). The quality suites assert these are found instead of skipping
when a crawl finds none: a role that loses a form (a broken link, a permission gone wrong)
fails the suite; a new form is tried as soon as it is linked, and belongs in these lists."""

from tests.crawling import Form, pattern_of

# Every form with fields a role can submit safely (tests/quality/test_bad_input.py).
FORMS: dict[str | None, set[str]] = {
    "hr": {
        "/accounts/password_change/",
        "/evaluations/programmes/<id>/questions/",
        "/mentors/notifications/preferences/",
        "/mentors/profiles/<id>/",
        "/mentors/traineeships/<id>/meetings/new/",
        "/organisation/people/invite/",
        "/organisation/profile/",
        "/organisation/settings/",
        "/organisation/sign-in/",
        "/portfolio/exports/",
        "/privacy/people/<id>/erase/",
        "/programmes/<id>/cohorts/new/",
        "/programmes/<id>/edit/",
        "/programmes/<id>/position-profiles/new/",
        "/programmes/<id>/traineeships/new/",
        "/programmes/<id>/traineeships/new/?profile",
        "/programmes/competencies/<id>/edit/",
        "/programmes/frameworks/<id>/competencies/new/",
        "/programmes/frameworks/<id>/edit/",
        "/programmes/frameworks/<id>/import/",
        "/programmes/frameworks/new/",
        "/programmes/inventory/<id>/edit/",
        "/programmes/inventory/new/",
        "/programmes/new/",
        "/programmes/position-profiles/<id>/edit/",
        "/programmes/registers/",
        "/programmes/registers/<id>/",
        "/programmes/traineeships/<id>/activities/",
        "/programmes/traineeships/<id>/competencies/",
        "/programmes/traineeships/<id>/edit/",
        "/programmes/traineeships/<id>/placements/",
        "/programmes/traineeships/<id>/sharing/",
        "/programmes/traineeships/<id>/work/",
    },
    "manager": {
        "/accounts/password_change/",
        "/accounts/reauthenticate/",
        "/mentors/notifications/preferences/",
        "/mentors/traineeships/<id>/meetings/new/",
        "/organisation/profile/",
        "/portfolio/exports/",
    },
    "mentor": {
        "/accounts/password_change/",
        "/accounts/reauthenticate/",
        "/mentors/meetings/<id>/addendum/",
        "/mentors/meetings/<id>/agenda/",
        "/mentors/meetings/<id>/record/",
        "/mentors/notifications/preferences/",
        "/mentors/profile/",
        "/mentors/traineeships/<id>/meetings/log/",
        "/mentors/traineeships/<id>/meetings/new/",
        "/organisation/profile/",
        "/portfolio/<id>/final-evaluation/",
    },
    "trainee": {
        "/accounts/password_change/",
        "/accounts/reauthenticate/",
        "/coaching/sessions/<id>/edit/",
        "/mentors/meetings/<id>/agenda/",
        "/mentors/meetings/<id>/confirm/",
        "/mentors/notifications/preferences/",
        "/organisation/profile/",
        "/portfolio/<id>/activities/new/",
        "/portfolio/<id>/evidence/new/",
        "/portfolio/<id>/feedback/ask/",
        "/portfolio/<id>/final-evaluation/",
        "/portfolio/<id>/goals/new/",
        "/portfolio/<id>/reflections/",
        "/portfolio/<id>/self-evaluations/end/",
        "/portfolio/<id>/self-evaluations/midway/",
        "/portfolio/<id>/self-evaluations/start/",
        "/portfolio/activities/<id>/edit/",
        "/portfolio/evidence/<id>/edit/",
        "/portfolio/goals/<id>/edit/",
        "/portfolio/goals/<id>/progress/",
        "/portfolio/reflections/<id>/edit/",
        "/traineeships/<id>/register/",
    },
    "coordinator": {
        "/accounts/password_change/",
        "/accounts/reauthenticate/",
        "/coaching/traineeships/<id>/coach/",
        "/evaluations/programmes/<id>/questions/",
        "/mentors/notifications/preferences/",
        "/mentors/traineeships/<id>/meetings/new/",
        "/mentors/traineeships/<id>/mentors/",
        "/organisation/profile/",
        "/programmes/<id>/cohorts/new/",
        "/programmes/<id>/edit/",
        "/programmes/<id>/traineeships/new/",
        "/programmes/<id>/traineeships/new/?cohort",
        "/programmes/cohorts/<id>/blueprint/",
        "/programmes/cohorts/<id>/edit/",
        "/programmes/cohorts/<id>/group-activities/new/",
        "/programmes/placements/<id>/edit/",
        "/programmes/traineeships/<id>/activities/",
        "/programmes/traineeships/<id>/competencies/",
        "/programmes/traineeships/<id>/edit/",
        "/programmes/traineeships/<id>/placements/",
        "/programmes/traineeships/<id>/work/",
        "/traineeships/new/",
    },
    "coach": {
        "/accounts/password_change/",
        "/accounts/reauthenticate/",
        "/coaching/sessions/<id>/edit/",
        "/coaching/traineeships/<id>/sessions/new/",
        "/mentors/notifications/preferences/",
        "/organisation/profile/",
    },
    None: {
        "/",
        "/accounts/login/",
        "/accounts/password_reset/",
    },
}

# Forms of records two people edit, with a hidden version (tests/quality/test_conflicts.py).
VERSIONED: dict[str | None, set[str]] = {
    "hr": set(),
    "manager": set(),
    "mentor": {
        "/mentors/meetings/<id>/agenda/",
        "/mentors/meetings/<id>/record/",
        "/portfolio/<id>/final-evaluation/",
    },
    "trainee": {
        "/mentors/meetings/<id>/agenda/",
        "/portfolio/<id>/final-evaluation/",
        "/portfolio/goals/<id>/edit/",
        "/portfolio/goals/<id>/move/",
    },
    "coordinator": set(),
    "coach": set(),
    None: set(),
}

# Forms with a file field (tests/quality/test_uploads.py).
UPLOADS: dict[str | None, set[str]] = {
    "hr": {
        "/organisation/settings/",
        "/programmes/frameworks/<id>/import/",
    },
    "manager": set(),
    "mentor": set(),
    "trainee": {
        "/portfolio/<id>/evidence/new/",
    },
    "coordinator": set(),
    "coach": set(),
    None: set(),
}


def missing(expected: set[str], forms: list[Form]) -> list[str]:
    """The expected form shapes that none of ``forms`` posts to."""
    return sorted(expected - {pattern_of(form.action) for form in forms})
