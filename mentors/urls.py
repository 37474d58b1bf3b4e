from django.urls import path

from mentors.views import agreements, choose, meeting_log, meetings, notifications, profiles

app_name = "mentors"

urlpatterns = [
    path("profiles/", profiles.profile_list, name="profiles"),
    path("profiles/<int:user_pk>/", profiles.profile_edit, name="profile_edit"),
    path("profile/", profiles.my_profile, name="my_profile"),
    path("mentees/", profiles.mentees, name="mentees"),
    path("traineeships/<int:pk>/mentors/", choose.traineeship_mentors, name="traineeship_mentors"),
    path("traineeships/<int:pk>/meetings/new/", meetings.meeting_plan, name="meeting_plan"),
    path("traineeships/<int:pk>/meetings/log/", meeting_log.meeting_log, name="meeting_log"),
    path("traineeships/<int:pk>/agreement-row/", meeting_log.agreement_row, name="agreement_row"),
    path(
        "traineeships/<int:pk>/agreement-row/removed/",
        meeting_log.agreement_row_removed,
        name="agreement_row_removed",
    ),
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/agenda/", meetings.meeting_agenda, name="meeting_agenda"),
    path("meetings/<int:pk>/record/", meetings.meeting_record, name="meeting_record"),
    path("meetings/<int:pk>/confirm/", meetings.meeting_confirm, name="meeting_confirm"),
    path("meetings/<int:pk>/addendum/", meetings.meeting_addendum, name="meeting_addendum"),
    path("meetings/<int:pk>/calendar.ics", meetings.meeting_ics, name="meeting_ics"),
    path("agreements/", agreements.agreement_list, name="agreements"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/read/", notifications.notification_read, name="notification_read"),
    path("notifications/preferences/", notifications.preferences, name="notification_preferences"),
    path("calendar/reset/", notifications.calendar_feed_reset, name="calendar_feed_reset"),
    path("calendar/<str:token>.ics", notifications.calendar_feed, name="calendar_feed"),
    path("agreements/<int:pk>/status/", agreements.agreement_status, name="agreement_status"),
]
