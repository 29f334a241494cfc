from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from maillage.ecosystem.models import Organisation
from tests.ecosystem.factories import ParkFactory, UserFactory

pytestmark = pytest.mark.django_db

CSV = "Nom;Pays;Ville;Type\nNouvelle Pousse;France;Marseille;startup\nMauvaise;Narnia;;\n"


def upload(client, content=CSV, name="membres.csv"):
    return client.post(
        reverse("ecosystem:import_upload"),
        {"file": SimpleUploadedFile(name, content.encode("utf-8"))},
    )


def test_anonymous_users_are_sent_to_sign_in_and_participants_are_refused(client):
    response = client.get(reverse("ecosystem:import_upload"))
    assert response.status_code == 302 and "login" in response.url
    client.force_login(UserFactory())
    assert client.get(reverse("ecosystem:import_upload")).status_code == 403


def test_park_staff_upload_preview_fix_and_import(client, run_job):
    park = ParkFactory(name="Home Park")
    client.force_login(UserFactory(staff_of=[park]))
    page = client.get(reverse("ecosystem:import_upload"))
    assert page.status_code == 200 and b'type="file"' in page.content

    response = upload(client)
    assert response.status_code == 302
    preview_url = response.url
    stored = list(
        (Path(settings.MEDIA_ROOT) / "imports").glob(f"{preview_url.rstrip('/').split('/')[-1]}*")
    )
    assert len(stored) == 1

    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Nouvelle Pousse" in preview.content.decode() and "Home Park" in preview.content.decode()
    assert preview.context["form"]["map_country"].initial == "1"  # guessed from “Pays”

    data = {"map_name": "0", "map_country": "1", "map_city": "2", "map_kind": "3"}
    refused = run_job(preview_url, data)  # the import runs on a worker; its page tells
    assert refused.context["job"].state == "failed"
    assert "Nothing was imported" in refused.content.decode()
    assert "Row 3" in refused.content.decode() and "Narnia" in refused.content.decode()
    assert not Organisation.objects.filter(name="Nouvelle Pousse").exists()
    assert stored[0].exists()  # kept, to go back to the columns
    assert f'href="{preview_url}"' in refused.content.decode()

    done = run_job(preview_url, {**data, "valid_only": "on"})
    assert done.context["job"].state == "done"
    organisation = Organisation.objects.get(name="Nouvelle Pousse")
    assert organisation.host_park == park and organisation.subtype == "startup"
    assert not stored[0].exists()  # the file is deleted after the import
    result = done.content.decode()
    assert 'id="created">1<' in result and "Narnia" in result
    assert client.get(preview_url).status_code == 404


def test_a_mapping_without_a_name_column_is_refused_before_any_job(client):
    client.force_login(UserFactory(staff_of=[ParkFactory()]))
    preview_url = upload(client).url
    response = client.post(preview_url, {"map_country": "1"})
    assert response.status_code == 200
    assert "Choose the column that holds the organisation" in response.content.decode()


def test_unreadable_upload_is_refused_with_a_reason(client):
    client.force_login(UserFactory(staff_of=[ParkFactory()]))
    response = upload(client, content="hello", name="notes.pdf")
    assert response.status_code == 200 and ".csv or .xlsx" in response.content.decode()
    response = upload(client, content="only;a;header\n")
    assert response.status_code == 200 and "no rows" in response.content.decode()


def test_someone_else_cannot_use_my_pending_import(client):
    client.force_login(UserFactory(staff_of=[ParkFactory()]))
    preview_url = upload(client).url
    client.force_login(UserFactory(staff_of=[ParkFactory()]))
    assert client.get(preview_url).status_code == 404


def test_cancel_deletes_the_file(client):
    client.force_login(UserFactory(staff_of=[ParkFactory()]))
    preview_url = upload(client).url
    token = preview_url.rstrip("/").split("/")[-1]
    response = client.post(reverse("ecosystem:import_cancel", args=[token]))
    assert response.status_code == 302
    assert not list((Path(settings.MEDIA_ROOT) / "imports").glob(f"{token}*"))
