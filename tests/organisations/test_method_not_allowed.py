"""Opening a form's address in the browser gives a page with a way on, still a 405."""

from django.urls import reverse


def test_a_form_address_opened_as_a_page_says_what_it_is_and_links_home(personas, client_for):
    client = client_for(personas.manager, "en")
    response = client.get(reverse("manager_overview_csv"))
    assert response.status_code == 405 and response["Allow"] == "POST"
    page = response.content.decode()
    assert "Nothing to show here" in page and f'href="{reverse("home")}"' in page
    assert "<nav" in page  # the person's own navigation, as on every page


def test_htmx_and_other_methods_keep_the_plain_answer(personas, client_for):
    client = client_for(personas.manager, "en")
    assert client.get(reverse("manager_overview_csv"), headers={"HX-Request": "true"}).content == b""
    assert client.put(reverse("manager_overview_csv")).content == b""
