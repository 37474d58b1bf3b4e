"""Competencies, the inventory and learning goals left programmes for their own apps.

State only: the tables keep their names (Meta.db_table) and every row, so the database
is not touched (SeparateDatabaseAndState without database operations)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('competencies', '0001_moved_from_programmes'),
        ('mentors', '0005_goal_progress_in_goals_app'),
        ('portfolios', '0005_competencies_and_goals_in_their_apps'),
        ('programmes', '0009_partial_indexes_for_approved_goals'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name='competency',
                    name='unique_competency_code',
                ),
                migrations.RemoveField(
                    model_name='learningactivity',
                    name='competencies',
                ),
                migrations.RemoveField(
                    model_name='developmentactivity',
                    name='competencies',
                ),
                migrations.AlterField(
                    model_name='profilecompetency',
                    name='competency',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='competencies.competency', verbose_name='competency'),
                ),
                migrations.RemoveConstraint(
                    model_name='competencyframework',
                    name='unique_framework_name',
                ),
                migrations.AlterField(
                    model_name='programme',
                    name='framework',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='programmes', to='competencies.competencyframework', verbose_name='competency framework'),
                ),
                migrations.RemoveIndex(
                    model_name='goalprogress',
                    name='programmes__goal_id_317ef9_idx',
                ),
                migrations.RemoveConstraint(
                    model_name='goalprogress',
                    name='progress_at_most_100',
                ),
                migrations.RemoveField(
                    model_name='learningactivity',
                    name='organisation',
                ),
                migrations.AlterField(
                    model_name='developmentactivity',
                    name='learning_activity',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='development_activities', to='competencies.learningactivity', verbose_name='from the inventory'),
                ),
                migrations.RemoveIndex(
                    model_name='learninggoal',
                    name='programmes__trainee_60e0d0_idx',
                ),
                migrations.RemoveIndex(
                    model_name='learninggoal',
                    name='learninggoal_approved',
                ),
                migrations.RemoveIndex(
                    model_name='learninggoal',
                    name='learninggoal_approved_no_kind',
                ),
                migrations.RemoveField(
                    model_name='competency',
                    name='framework',
                ),
                migrations.AddField(
                    model_name='developmentactivity',
                    name='competencies',
                    field=models.ManyToManyField(blank=True, related_name='development_activities', to='competencies.competency', verbose_name='competencies'),
                ),
                migrations.RemoveField(
                    model_name='competencyframework',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='goalprogress',
                    name='goal',
                ),
                migrations.RemoveField(
                    model_name='goalprogress',
                    name='recorded_by',
                ),
                migrations.DeleteModel(
                    name='LearningActivity',
                ),
                migrations.RemoveField(
                    model_name='learninggoal',
                    name='approved_by',
                ),
                migrations.RemoveField(
                    model_name='learninggoal',
                    name='competencies',
                ),
                migrations.RemoveField(
                    model_name='learninggoal',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='learninggoal',
                    name='traineeship',
                ),
                migrations.DeleteModel(
                    name='CompetencyFramework',
                ),
                migrations.DeleteModel(
                    name='GoalProgress',
                ),
                migrations.DeleteModel(
                    name='Competency',
                ),
                migrations.DeleteModel(
                    name='LearningGoal',
                ),
            ],
            database_operations=[],
        ),
    ]
