import pytest


@pytest.fixture
def compiled_catalogues():
    """The French catalogues compiled (.mo files are generated, not committed) and reloaded."""
    from django.core.management import call_command
    from django.utils.translation import trans_real

    call_command("compiletranslations", verbosity=0)
    trans_real._translations = {}
    yield
    trans_real._translations = {}
