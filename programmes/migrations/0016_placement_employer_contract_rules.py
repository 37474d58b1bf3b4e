from django.db import migrations, models
import django.core.validators


class Migration(migrations.Migration):

    dependencies = [
        ("programmes", "0015_group_activities_with_attendance"),
    ]

    operations = [
        migrations.AddField(
            model_name='placement',
            name='cao_preset',
            field=models.CharField(blank=True, max_length=40, verbose_name="employer's cao"),
        ),
        migrations.AddField(
            model_name='placement',
            name='contract_hours_per_week',
            field=models.DecimalField(blank=True, decimal_places=1, max_digits=4, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(60)], verbose_name='contract hours a week at this employer'),
        ),
        migrations.AddField(
            model_name='placement',
            name='contract_months',
            field=models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(60)], verbose_name='contract with this employer (months)'),
        ),
        migrations.AddField(
            model_name='placement',
            name='pay_scale',
            field=models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(30)], verbose_name='pay scale at this employer'),
        ),
    ]
