import pytest


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Runs the after-commit callbacks (mail delivery) of the block, as a real commit would."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
