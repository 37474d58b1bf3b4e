"""A meeting's goal progress now points to goals.GoalProgress (moved from programmes).

State only: the tables keep their names (Meta.db_table) and every row, so the database
is not touched (SeparateDatabaseAndState without database operations)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('goals', '0001_moved_from_programmes'),
        ('mentors', '0004_partial_indexes_for_stappenplan_and_open_agreements'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='meetinggoalprogress',
                    name='progress',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='meeting_link', to='goals.goalprogress'),
                ),
            ],
            database_operations=[],
        ),
    ]
