"""Where frozen documents are stored: the `documents` storage built from the environment
(docs/adr/0149-signed-documents-are-frozen.md). Settings are built, S3 is never contacted."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from werkvrede.config.settings import base as base_settings
from werkvrede.documents.storage import DurableFileSystemStorage, documents_storage

S3_ENV = {
    "WERKVREDE_DOCUMENTS_S3_BUCKET": "werkvrede-documents",
    "WERKVREDE_DOCUMENTS_S3_ENDPOINT_URL": "https://s3.example.invalid",
    "WERKVREDE_DOCUMENTS_S3_REGION": "eu-west-1",
    "WERKVREDE_DOCUMENTS_S3_ACCESS_KEY_ID": "key-id",
    "WERKVREDE_DOCUMENTS_S3_SECRET_ACCESS_KEY": "secret",
    "WERKVREDE_DOCUMENTS_S3_PREFIX": "prod",
}


def _built(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> dict[str, object]:
    for name in [*S3_ENV, "WERKVREDE_DOCUMENTS_DIR"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    namespace = runpy.run_path(base_settings.__file__)
    storages: dict[str, dict[str, object]] = namespace["STORAGES"]
    return {"data_dir": namespace["DATA_DIR"], **storages["documents"]}


def test_local_disk_under_the_data_directory_by_default(monkeypatch, tmp_path):
    built = _built(monkeypatch, {"WERKVREDE_DATA_DIR": str(tmp_path)})
    assert built["BACKEND"] == "werkvrede.documents.storage.DurableFileSystemStorage"
    assert built["OPTIONS"] == {"location": str(Path(tmp_path) / "documents")}
    elsewhere = _built(monkeypatch, {"WERKVREDE_DOCUMENTS_DIR": str(tmp_path / "shared")})
    assert elsewhere["OPTIONS"] == {"location": str(tmp_path / "shared")}


def test_an_s3_bucket_when_the_bucket_variable_is_set(monkeypatch):
    built = _built(monkeypatch, S3_ENV)
    assert built["BACKEND"] == "storages.backends.s3.S3Storage"
    options = built["OPTIONS"]
    assert isinstance(options, dict)
    storage = import_string(str(built["BACKEND"]))(**options)
    assert storage.bucket_name == "werkvrede-documents"
    assert storage.endpoint_url == "https://s3.example.invalid"
    assert storage.region_name == "eu-west-1"
    assert storage.location == "prod"
    assert storage.default_acl == "private" and storage.file_overwrite is False


def test_an_access_key_without_its_secret_is_refused(monkeypatch):
    env = {k: v for k, v in S3_ENV.items() if k != "WERKVREDE_DOCUMENTS_S3_SECRET_ACCESS_KEY"}
    with pytest.raises(ImproperlyConfigured, match="WERKVREDE_DOCUMENTS_S3_SECRET_ACCESS_KEY"):
        _built(monkeypatch, env)


def test_the_test_run_stores_in_a_temporary_directory_never_under_static_files():
    storage = documents_storage()
    assert isinstance(storage, DurableFileSystemStorage)
    location = Path(storage.location)
    assert location.name.startswith("werkvrede-test-documents-")
    assert Path(settings.STATIC_ROOT) not in location.parents
