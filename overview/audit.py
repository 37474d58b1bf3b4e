"""The sentences of the exports composed here: the manager's overview and the register hours."""

from django.utils.translation import ngettext

from organisations import audit


def _overview_export(params: dict) -> str:
    count = int(params.get("count", 0))
    return ngettext(
        "overview as %(format)s, %(count)s traineeship", "overview as %(format)s, %(count)s traineeships", count
    ) % {"count": count, "format": params.get("format", "CSV")}


def _register_export(params: dict) -> str:
    count = int(params.get("count", 0))
    return ngettext(
        "register hours as %(format)s, %(count)s activity", "register hours as %(format)s, %(count)s activities", count
    ) % {"count": count, "format": params.get("format", "")}


audit.register_actions(
    summaries={
        f"{audit.Action.EXPORT_CREATED}:overview": _overview_export,
        f"{audit.Action.EXPORT_CREATED}:register": _register_export,
    }
)
