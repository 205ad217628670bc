from django.utils import translation

from balekdusun.lib.words import translator


def test_translator_answers_in_the_language_active_when_it_was_made():
    with translation.override("id"):
        gettext = translator()
        assert gettext("Households known") == "Rumah tangga terdata"
        assert gettext("Households known") == "Rumah tangga terdata"  # from the table
    with translation.override("en"):
        assert translator()("Households known") == "Households known"
        assert gettext("Households known") == "Rumah tangga terdata"  # made under "id"
    with translation.override("id"):
        assert translator()("Households known") == "Rumah tangga terdata"  # one table per language
        assert translator()("A sentence no catalogue has") == "A sentence no catalogue has"


def test_translator_without_an_active_language_answers_as_written():
    with translation.override(None):
        assert translator()("Households known") == "Households known"
