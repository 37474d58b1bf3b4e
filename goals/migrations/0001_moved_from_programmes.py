"""Learning goals and their progress move here from programmes.

State only: the tables keep their names (Meta.db_table) and every row, so the database
is not touched (SeparateDatabaseAndState without database operations)."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('competencies', '0001_moved_from_programmes'),
        ('programmes', '0009_partial_indexes_for_approved_goals'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='LearningGoal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=300, verbose_name='what do you want to learn?')),
                        ('measure', models.TextField(blank=True, verbose_name='how will you and your mentor know it is reached?')),
                        ('deadline', models.DateField(blank=True, null=True, verbose_name='by when')),
                        ('talents', models.CharField(blank=True, max_length=300, verbose_name='talents it builds on')),
                        ('scope', models.CharField(blank=True, choices=[('individual', 'Individual goal'), ('everyone', 'Something every employee must learn')], max_length=12, verbose_name='kind of goal')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('proposed', 'Awaiting approval'), ('active', 'Approved, in progress'), ('achieved', 'Achieved'), ('dropped', 'Stopped')], default='draft', max_length=10, verbose_name='status')),
                        ('approved_at', models.DateTimeField(blank=True, null=True, verbose_name='approved at')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('version', models.PositiveIntegerField(default=1)),
                        ('approved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='approved by')),
                        ('competencies', models.ManyToManyField(blank=True, related_name='learning_goals', to='competencies.competency', verbose_name='competencies')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('traineeship', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='learning_goals', to='programmes.traineeship', verbose_name='traineeship')),
                    ],
                    options={
                        'verbose_name': 'learning goal',
                        'verbose_name_plural': 'learning goals',
                        'db_table': 'programmes_learninggoal',
                        'ordering': ['deadline', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='GoalProgress',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('recorded_on', models.DateField(verbose_name='date')),
                        ('progress', models.PositiveSmallIntegerField(validators=[django.core.validators.MaxValueValidator(100)], verbose_name='progress (%)')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('source', models.CharField(choices=[('meeting', 'Progress meeting'), ('update', 'Update in the portfolio')], default='update', max_length=10, verbose_name='source')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='progress', to='goals.learninggoal', verbose_name='goal')),
                    ],
                    options={
                        'verbose_name': 'progress on a goal',
                        'verbose_name_plural': 'progress on goals',
                        'db_table': 'programmes_goalprogress',
                        'ordering': ['goal', '-recorded_on', '-pk'],
                    },
                ),
                migrations.AddIndex(
                    model_name='learninggoal',
                    index=models.Index(fields=['traineeship', 'status'], name='programmes__trainee_60e0d0_idx'),
                ),
                migrations.AddIndex(
                    model_name='learninggoal',
                    index=models.Index(condition=models.Q(('approved_at__isnull', False)), fields=['traineeship'], name='learninggoal_approved'),
                ),
                migrations.AddIndex(
                    model_name='learninggoal',
                    index=models.Index(condition=models.Q(('approved_at__isnull', False), ('scope', '')), fields=['traineeship'], name='learninggoal_approved_no_kind'),
                ),
                migrations.AddIndex(
                    model_name='goalprogress',
                    index=models.Index(fields=['goal', '-recorded_on'], name='programmes__goal_id_317ef9_idx'),
                ),
                migrations.AddConstraint(
                    model_name='goalprogress',
                    constraint=models.CheckConstraint(condition=models.Q(('progress__lte', 100)), name='progress_at_most_100'),
                ),
            ],
            database_operations=[],
        ),
    ]
