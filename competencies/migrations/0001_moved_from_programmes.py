"""Competency frameworks, competencies and the learning-activity inventory move here from programmes.

State only: the tables keep their names (Meta.db_table) and every row, so the database
is not touched (SeparateDatabaseAndState without database operations)."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('organisations', '0007_data_copy'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CompetencyFramework',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='frameworks', to='organisations.organisation', verbose_name='organisation')),
                    ],
                    options={
                        'verbose_name': 'competency framework',
                        'verbose_name_plural': 'competency frameworks',
                        'db_table': 'programmes_competencyframework',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Competency',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=20, verbose_name='code')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('areas_of_life', models.JSONField(blank=True, default=list, verbose_name='areas of life')),
                        ('level_startbekwaam', models.TextField(blank=True, verbose_name='entry-level: what it looks like')),
                        ('level_vakbekwaam', models.TextField(blank=True, verbose_name='proficient: what it looks like')),
                        ('level_vakvolwassen', models.TextField(blank=True, verbose_name='fully experienced: what it looks like')),
                        ('position', models.PositiveIntegerField(default=0, verbose_name='position')),
                        ('framework', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='competencies', to='competencies.competencyframework', verbose_name='framework')),
                    ],
                    options={
                        'verbose_name': 'competency',
                        'verbose_name_plural': 'competencies',
                        'db_table': 'programmes_competency',
                        'ordering': ['framework', 'position', 'code'],
                    },
                ),
                migrations.CreateModel(
                    name='LearningActivity',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('kind', models.CharField(choices=[('formal', 'Formal'), ('informal', 'Informal')], max_length=10, verbose_name='formal or informal')),
                        ('category', models.CharField(choices=[('training', 'Training'), ('course', 'Course'), ('coaching', 'Coaching'), ('supervision', 'Supervision'), ('protocol', 'Protocol'), ('method', 'Method'), ('guideline', 'Guideline'), ('code', 'Professional code'), ('intervision', 'Intervision'), ('colleagues', 'Learning from colleagues'), ('other', 'Other')], max_length=15, verbose_name='category')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('provider', models.CharField(blank=True, max_length=200, verbose_name='provider')),
                        ('hours', models.DecimalField(blank=True, decimal_places=1, max_digits=6, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='hours')),
                        ('cost', models.DecimalField(blank=True, decimal_places=2, max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='cost (euro)')),
                        ('for_every_new_colleague', models.BooleanField(default=False, help_text='Part of the ordinary onboarding, not something extra for trainees.', verbose_name='offered to every new colleague')),
                        ('is_active', models.BooleanField(default=True, verbose_name='still offered')),
                        ('competencies', models.ManyToManyField(blank=True, related_name='learning_activities', to='competencies.competency', verbose_name='competencies it develops')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='learning_activities', to='organisations.organisation', verbose_name='organisation')),
                    ],
                    options={
                        'verbose_name': 'learning activity',
                        'verbose_name_plural': 'learning activities',
                        'db_table': 'programmes_learningactivity',
                        'ordering': ['kind', 'title'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='competencyframework',
                    constraint=models.UniqueConstraint(fields=('organisation', 'name'), name='unique_framework_name'),
                ),
                migrations.AddConstraint(
                    model_name='competency',
                    constraint=models.UniqueConstraint(fields=('framework', 'code'), name='unique_competency_code'),
                ),
            ],
            database_operations=[],
        ),
    ]
