"""Calendar arithmetic in whole months, through python-dateutil's relativedelta."""

from datetime import date

from dateutil.relativedelta import relativedelta


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months on; the 31st becomes the month's last day."""
    return day + relativedelta(months=months)
