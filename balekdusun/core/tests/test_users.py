from balekdusun.core.models import AuditEntry, User


def test_head_creates_village_official_of_own_office(login, dave):
    client = login(dave)
    resp = client.post("/users/new/", {"username": "kades.pb", "first_name": "Kades", "role": "village",
                                       "office": dave.office_id, "village": "Permatang Buluran",
                                       "password": "a-long-enough-secret", "is_active": "on"})
    assert resp.status_code == 302, resp.context["form"].errors
    user = User.objects.get(username="kades.pb")
    assert user.village_id == "16.02.08.2017" and user.office == dave.office
    assert user.check_password("a-long-enough-secret")
    assert AuditEntry.objects.filter(action="user.created", object_id=str(user.pk)).exists()


def test_village_official_needs_a_village_and_errors_name_fields(login, dave):
    resp = login(dave).post("/users/new/", {"username": "x1", "role": "village", "office": dave.office_id,
                                            "password": "short"})
    assert resp.status_code == 422
    errors = resp.context["form"].errors
    assert "village" in errors and "password" in errors
    assert not User.objects.filter(username="x1").exists()


def test_head_cannot_use_another_office_or_make_admins(login, dave, offices):
    resp = login(dave).post("/users/new/", {"username": "x2", "role": "admin", "office": offices["jatim"].pk,
                                            "password": "a-long-enough-secret"})
    assert resp.status_code == 422
    assert {"role", "office"} <= set(resp.context["form"].errors)


def test_users_list_is_scoped(login, dave, bob, charlie):
    html = login(dave).get("/users/").content.decode()
    assert "bob" in html and "charlie" not in html
    assert login(dave).get(f"/users/{charlie.pk}/").status_code == 404


def test_officers_cannot_manage_users(login, bob):
    assert login(bob).get("/users/").status_code == 403
