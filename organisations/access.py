"""The one access-control mechanism every view uses.

* Each scoped model has a queryset method ``visible_to(user)``: what that user may
  see at all. ``get_visible_or_404`` resolves an object through it, so an object
  outside the user's scope is a 404 and never leaks that it exists.
* Inside the scope, an act can still be refused: ``require`` turns a false
  permission check into a 403, and ``role_required`` refuses a view to people whose
  active membership has another role.

The rules themselves live in each app's ``permissions.py`` (``programmes.permissions``
for relations to a traineeship, read rules in every app); this module only applies them.
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

from organisations.models import Role


def visible(model_or_queryset: type[Model] | QuerySet, user) -> QuerySet:
    """The part of a model (or queryset) that ``user`` may see."""
    queryset = (
        model_or_queryset if isinstance(model_or_queryset, QuerySet) else model_or_queryset._default_manager.all()
    )
    return queryset.visible_to(user)


def get_visible_or_404(model_or_queryset: type[Model] | QuerySet, user, **lookup) -> Model:
    return get_object_or_404(visible(model_or_queryset, user), **lookup)


def require(allowed: bool) -> None:
    """Refuse (403) an act on an object the user may see but not do this to."""
    if not allowed:
        raise PermissionDenied


def has_role(request, *roles: Role) -> bool:
    membership = getattr(request, "membership", None)
    return membership is not None and membership.role in roles


def role_required(*roles: Role) -> Callable:
    """Refuse (403) the view unless the active membership has one of ``roles``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            require(has_role(request, *roles))
            return view(request, *args, **kwargs)

        wrapped.required_roles = roles
        return wrapped

    return decorator
