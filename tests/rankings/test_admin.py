"""Admin for the index: lists of every model and the CSV upload (all or nothing)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rankings.demo import EDITIONS_FILE
from rankings.models import RankingEntry

HEADER = "edition_year,city,area,rank,score,source_url,provenance,note\n"

MODELS = ["city", "area", "arealabel", "edition", "rankingentry", "importrun", "inquirycontext"]


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_search_and_filter(client, personas, index_data, model):
    client.force_login(personas.admin)
    url = reverse(f"admin:rankings_{model}_changelist")
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "Herne"}).status_code == 200


@pytest.mark.django_db
def test_admin_upload_imports_and_reports(client, personas):
    client.force_login(personas.admin)
    response = client.post(
        reverse("admin:rankings_rankingentry_import"),
        {
            "rankings_file": SimpleUploadedFile(
                "r.csv", (HEADER + "2021,Herne,Verwaltung,73,,,published,\n").encode()
            ),
            "editions_file": SimpleUploadedFile("e.csv", EDITIONS_FILE.read_bytes()),
        },
        follow=True,
    )
    assert "1 neu, 0 geändert" in response.content.decode()
    assert RankingEntry.objects.get().rank == 73


@pytest.mark.django_db
def test_admin_upload_refuses_bad_file_and_lists_rows(client, personas, index_data):
    client.force_login(personas.admin)
    count = RankingEntry.objects.count()
    response = client.post(
        reverse("admin:rankings_rankingentry_import"),
        {
            "rankings_file": SimpleUploadedFile(
                "r.csv", (HEADER + "2021,Herne,Verwaltung,drei,,,published,\n").encode()
            )
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "r.csv, Zeile 2, Spalte „rank“" in html
    assert 'role="alert"' in html
    assert RankingEntry.objects.count() == count


@pytest.mark.django_db
def test_import_is_for_staff_only(client, personas):
    client.force_login(personas.clerk_a)
    response = client.get(reverse("admin:rankings_rankingentry_import"))
    assert response.status_code == 302
