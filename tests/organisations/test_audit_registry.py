"""Each app registers its own audit acts; the base app lists only its own."""

from organisations import audit


def test_every_app_registered_its_acts_with_a_label():
    codes = dict(audit.action_choices())
    for code in [
        "invitation.sent",
        "goal.approved",
        "framework.imported",
        "meeting.confirmed",
        "evaluation.signed",
        "data.erased",
        "signin.signed_in",
        "coach.assigned",
        "position_profile.archived",
        "attendance.saved",
    ]:
        assert code in codes and str(codes[code]) != code
    # As many as before the apps registered their own, coaching's three, and programmes' position profile
    # (created, changed, archived, reopened) and attendance acts.
    assert len(codes) == 28 + 3 + 5


def test_the_base_app_lists_only_its_own_acts():
    prefixes = {code.split(".")[0] for code in audit.Action.values}
    assert prefixes == {"invitation", "membership", "export", "organisation"}


def test_an_unknown_code_shows_as_itself():
    assert audit.action_label("something.old") == "something.old"
