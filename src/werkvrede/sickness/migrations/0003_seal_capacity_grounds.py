"""D07: the medical grounds of a capacity assessment move into the vault (sealed, AES-256-GCM)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def seal_existing(apps, schema_editor):
    from werkvrede.vault.crypto import encrypt, keyring
    from werkvrede.vault.services import _associated_data

    capacity_model = apps.get_model("sickness", "CapacityAssessment")
    sealed_model = apps.get_model("vault", "SealedContent")
    rows = capacity_model.objects.exclude(medical_grounds="").select_related("sick_report")
    if not rows.exists():
        return
    ring = keyring()
    for capacity in rows.iterator():
        sealed = sealed_model(
            id=uuid.uuid4(), organisation_id=capacity.sick_report.organisation_id, compartment="D07"
        )
        sealed.key_id, sealed.nonce, sealed.ciphertext = encrypt(
            ring, capacity.medical_grounds, _associated_data(sealed)
        )
        sealed.save(force_insert=True)
        capacity.sealed_medical_grounds = sealed
        capacity.save(update_fields=["sealed_medical_grounds"])


class Migration(migrations.Migration):
    dependencies = [
        ("sickness", "0002_finding_prolongs_incapacity"),
        ("vault", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="capacityassessment",
            name="sealed_medical_grounds",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="vault.sealedcontent",
            ),
        ),
        migrations.RunPython(seal_existing, migrations.RunPython.noop),
        migrations.RemoveField(model_name="capacityassessment", name="medical_grounds"),
        migrations.RenameField(
            model_name="capacityassessment", old_name="sealed_medical_grounds", new_name="medical_grounds"
        ),
    ]
