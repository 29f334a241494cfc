"""Who may see a background job (django-rules): the user who started it, and nobody else. Its
summary can hold people's names (rows of an import) and its file their agendas or badges."""

from __future__ import annotations

import rules


@rules.predicate
def started_job(user, job) -> bool:
    return job is not None and bool(user and user.is_authenticated) and job.owner_id == user.pk


rules.add_perm("core.view_job", started_job)
