"""Make ``__in`` on integer columns safe for values no column can hold.

Django already treats ``pk=<huge number>`` as "no match"; ``pk__in=[<huge number>]``
reaches the database driver instead, and SQLite's raises OverflowError (a 500 for a
tampered form choice). Values outside the column's range can never match, so drop them.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            field_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(field_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
