# Sessions move to accounts.LoginSession (ADR 0204). The rows of Django's own session table can no
# longer be read by anyone: they are deleted, so no person's session data stays behind there. Everyone
# logs in once more after this migration.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _forget_django_sessions(apps, schema_editor):
    apps.get_model("sessions", "Session").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0011_role_grant_role_index'),
        ('sessions', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='LoginSession',
            fields=[
                ('session_key', models.CharField(max_length=40, primary_key=True, serialize=False, verbose_name='session key')),
                ('session_data', models.TextField(verbose_name='session data')),
                ('expire_date', models.DateTimeField(db_index=True, verbose_name='expire date')),
                ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'session',
                'verbose_name_plural': 'sessions',
                'abstract': False,
            },
        ),
        migrations.RunPython(_forget_django_sessions, migrations.RunPython.noop),
    ]
