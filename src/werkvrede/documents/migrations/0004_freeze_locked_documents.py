"""Freeze every document that was locked before freezing existed (docs/adr/0149-signed-documents-are-frozen.md).

It renders with this release's templates, in the signing language, like a lock does now; a document
that is frozen already is left alone, so running it twice changes nothing. It uses the application's
own rendering on purpose, reading only the columns that exist at this point of the migrations.
"""

from django.db import migrations


def freeze_locked(apps, schema_editor):
    from django.db.models import Prefetch

    from werkvrede.documents.frozen import freeze
    from werkvrede.documents.models import Document, Signature

    historical = apps.get_model("documents", "Document")
    historical_signature = apps.get_model("documents", "Signature")
    columns = [f.name for f in historical._meta.concrete_fields]
    signature_columns = [f.name for f in historical_signature._meta.concrete_fields]
    pending = (
        Document.objects.filter(locked_at__isnull=False, pdf_sha256="")
        .only(*columns)
        .prefetch_related(Prefetch("signatures", queryset=Signature.objects.only(*signature_columns)))
        .order_by("pk")  # bundled documents before the re-integration report that bundles them
    )
    for document in pending.iterator(chunk_size=100):
        freeze(document)


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_frozen_rendering")]

    operations = [migrations.RunPython(freeze_locked, migrations.RunPython.noop)]
