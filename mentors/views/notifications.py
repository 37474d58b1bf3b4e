from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentors import calendar, feeds, notifications
from mentors.digest import preference_for
from mentors.models import CalendarFeed, ReminderPreference
from organisations.safe_text import SafeModelForm

FEED_PAST_DAYS = 180


class PreferenceForm(SafeModelForm):
    class Meta:
        model = ReminderPreference
        fields = ["frequency", "email_enabled"]
        widgets = {"frequency": forms.RadioSelect}


def notification_list(request):
    items = notifications.items_for(request.user, timezone.localdate())
    return render(request, "mentors/notification_list.html", {"items": items})


@require_POST
def notification_read(request):
    keys = request.POST.getlist("key")
    if request.POST.get("unread"):
        notifications.mark_unread(request.user, keys)
    else:
        if request.POST.get("all"):
            keys = [item.key for item in notifications.items_for(request.user, timezone.localdate())]
        notifications.mark_read(request.user, keys)
    return redirect("mentors:notifications")


def preferences(request):
    preference = preference_for(request.user)
    form = PreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your reminder preferences are saved."))
        return redirect("mentors:notification_preferences")
    feed_url = request.session.pop("calendar_feed_url", None)
    has_feed = CalendarFeed.objects.filter(user=request.user).exists()
    return render(
        request,
        "mentors/notification_preferences.html",
        {"form": form, "feed_url": feed_url, "has_feed": has_feed},
    )


@require_POST
def calendar_feed_reset(request):
    if request.POST.get("remove"):
        feeds.remove(request.user)
        messages.success(request, _("Your calendar address no longer works."))
        return redirect("mentors:notification_preferences")
    token = feeds.reset(request.user)
    # Shown once: only a hash of the token is kept.
    request.session["calendar_feed_url"] = request.build_absolute_uri(
        reverse("mentors:calendar_feed", kwargs={"token": token})
    )
    messages.success(request, _("Your new calendar address is ready; an earlier address no longer works."))
    return redirect("mentors:notification_preferences")


@login_not_required
def calendar_feed(request, token):
    user = feeds.owner_of(token)
    if user is None:
        raise Http404
    since = timezone.localdate() - timedelta(days=FEED_PAST_DAYS)
    with translation.override(user.language):
        entries = [
            (
                meeting,
                _("%(kind)s: %(trainee)s")
                % {"kind": meeting.get_kind_display(), "trainee": meeting.traineeship.trainee},
                _("Progress meeting in %(programme)s.") % {"programme": meeting.traineeship.programme},
                request.build_absolute_uri(reverse("mentors:meeting_detail", kwargs={"pk": meeting.pk})),
            )
            for meeting in feeds.meetings_of(user).filter(date__gte=since)
        ]
        body = calendar.feed_ics(entries, name=_("Traineeship meetings"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
