"""Ratings, evidence and feedback now point to competencies.Competency and goals.LearningGoal.

State only: the tables keep their names (Meta.db_table) and every row, so the database
is not touched (SeparateDatabaseAndState without database operations)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('competencies', '0001_moved_from_programmes'),
        ('goals', '0001_moved_from_programmes'),
        ('portfolios', '0004_partial_index_for_submitted_start_self_evaluation'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='competencyrating',
                    name='competency',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='competencies.competency', verbose_name='competency'),
                ),
                migrations.RemoveField(
                    model_name='evidence',
                    name='competencies',
                ),
                migrations.RemoveField(
                    model_name='evidence',
                    name='goals',
                ),
                migrations.AlterField(
                    model_name='feedbackanswer',
                    name='competency',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='competencies.competency', verbose_name='competency'),
                ),
                migrations.RemoveField(
                    model_name='feedbackrequest',
                    name='competencies',
                ),
                migrations.AddField(
                    model_name='evidence',
                    name='competencies',
                    field=models.ManyToManyField(blank=True, related_name='evidence', to='competencies.competency', verbose_name='competencies'),
                ),
                migrations.AddField(
                    model_name='evidence',
                    name='goals',
                    field=models.ManyToManyField(blank=True, related_name='evidence', to='goals.learninggoal', verbose_name='learning goals'),
                ),
                migrations.AddField(
                    model_name='feedbackrequest',
                    name='competencies',
                    field=models.ManyToManyField(related_name='+', to='competencies.competency', verbose_name='competencies to ask about'),
                ),
            ],
            database_operations=[],
        ),
    ]
