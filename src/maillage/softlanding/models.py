"""Soft-landing programmes: host offers, applications, screening, pipeline and outcomes."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maillage.softlanding.enums import ApplicationStatus, ExitOutcome, OutcomeMonth, Service, Stage
from maillage.softlanding.matching import month_span


def _codes(value: str) -> list[str]:
    return [c.strip() for c in (value or "").split(",") if c.strip()]


class Programme(models.Model):
    """A soft-landing programme run by one or more parks, usually under an agreement."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, default="")
    agreement = models.ForeignKey(
        "partnerships.Agreement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        verbose_name=_("agreement"),
    )
    organisers = models.ManyToManyField(
        "ecosystem.Organisation",
        related_name="softlanding_programmes",
        verbose_name=_("organisers"),
    )
    is_open = models.BooleanField(_("open to applications"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("soft-landing programme")
        verbose_name_plural = _("soft-landing programmes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("softlanding:programme", kwargs={"pk": self.pk})


class HostOffer(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="offers")
    host = models.ForeignKey(
        "ecosystem.Organisation",
        on_delete=models.PROTECT,
        related_name="softlanding_offers",
        verbose_name=_("host park or incubator"),
    )
    services = models.JSONField(_("services"), default=list, blank=True)
    desks = models.PositiveSmallIntegerField(
        _("desks"),
        validators=[MinValueValidator(1)],
        help_text=_("Desks available at the same time during the offer's period."),
    )
    available_from = models.DateField(_("available from"))
    available_until = models.DateField(_("available until"))
    sectors = models.ManyToManyField(
        "ecosystem.Sector", blank=True, related_name="+", verbose_name=_("sectors")
    )
    languages = models.CharField(
        _("languages"),
        max_length=60,
        blank=True,
        default="",
        help_text=_("ISO 639-1 codes separated by commas, e.g. en,fr,zh"),
    )
    fees = models.CharField(_("fees"), max_length=200, blank=True, default="")
    description = models.TextField(_("description"), blank=True, default="")

    class Meta:
        ordering = ["host__name", "id"]
        verbose_name = _("host offer")
        verbose_name_plural = _("host offers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(available_until__gte=models.F("available_from")),
                name="offer_dates_in_order",
                violation_error_message=_(
                    "The end date comes before the start date. Swap or correct them."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.host} — {self.programme}"

    @property
    def language_list(self) -> list[str]:
        return _codes(self.languages)

    @property
    def service_labels(self) -> list[str]:
        return [str(Service(s).label) for s in self.services if s in Service.values]

    @property
    def desk_months(self) -> int:
        return self.desks * len(month_span(self.available_from, self.available_until))


class Application(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="applications")
    startup = models.ForeignKey(
        "ecosystem.Organisation",
        on_delete=models.PROTECT,
        related_name="softlanding_applications",
        verbose_name=_("startup"),
    )
    home_park = models.ForeignKey(
        "ecosystem.Organisation",
        on_delete=models.PROTECT,
        related_name="endorsed_applications",
        verbose_name=_("home park"),
    )
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    endorsed_at = models.DateTimeField(_("endorsed at"), null=True, blank=True)
    target_countries = models.CharField(
        _("target countries"),
        max_length=100,
        blank=True,
        default="",
        help_text=_("ISO 3166 codes separated by commas, e.g. CN,US"),
    )
    sector = models.ForeignKey(
        "ecosystem.Sector",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sector"),
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.SEED)
    goals = models.TextField(_("goals"), blank=True, default="")
    needs = models.JSONField(_("services needed"), default=list, blank=True)
    languages = models.CharField(
        _("languages spoken"),
        max_length=60,
        blank=True,
        default="",
        help_text=_("ISO 639-1 codes separated by commas, e.g. fr,en"),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    team_size = models.PositiveSmallIntegerField(
        _("team size"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.APPLIED,
    )
    exit_outcome = models.CharField(
        _("exit"), max_length=10, choices=ExitOutcome.choices, blank=True, default=""
    )
    assigned_offer = models.ForeignKey(
        HostOffer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_applications",
        verbose_name=_("host"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("soft-landing application")
        verbose_name_plural = _("soft-landing applications")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="application_dates_in_order",
                violation_error_message=_(
                    "The end date comes before the start date. Swap or correct them."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.startup} → {self.programme}"

    def get_absolute_url(self) -> str:
        return reverse("softlanding:application", kwargs={"pk": self.pk})

    @property
    def language_list(self) -> list[str]:
        return _codes(self.languages)

    @property
    def need_labels(self) -> list[str]:
        return [str(Service(s).label) for s in self.needs if s in Service.values]

    @property
    def has_landed(self) -> bool:
        """Landed, or exited after landing: outcomes can be recorded."""
        return self.status in (ApplicationStatus.LANDED, ApplicationStatus.EXITED)


class PreferredHost(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="preferences"
    )
    offer = models.ForeignKey(HostOffer, on_delete=models.CASCADE, related_name="preferred_by")
    rank = models.PositiveSmallIntegerField(
        _("rank"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["application", "rank"], name="unique_preference_rank"),
            models.UniqueConstraint(
                fields=["application", "offer"], name="unique_preference_offer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.offer}"


class ScreeningCriterion(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=120)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1)]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("screening criterion")
        verbose_name_plural = _("screening criteria")
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="unique_criterion_name")
        ]

    def __str__(self) -> str:
        return self.name


class Score(models.Model):
    MAX = 5

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        ScreeningCriterion, on_delete=models.CASCADE, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(MAX)])
    comment = models.CharField(_("comment"), max_length=300, blank=True, default="")
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "criterion"], name="unique_score"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class StatusChange(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=10, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=ApplicationStatus.choices)
    note = models.CharField(max_length=300, blank=True, default="")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class Outcome(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="outcomes")
    months = models.PositiveSmallIntegerField(_("after"), choices=OutcomeMonth.choices)
    local_entity_created = models.BooleanField(_("local entity created"), default=False)
    jobs = models.PositiveIntegerField(_("jobs created"), default=0)
    contracts = models.PositiveIntegerField(_("contracts signed"), default=0)
    funds_raised = models.DecimalField(
        _("funds raised (EUR)"), max_digits=14, decimal_places=2, default=0
    )
    notes = models.TextField(_("notes"), blank=True, default="")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["months"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.UniqueConstraint(fields=["application", "months"], name="unique_outcome_month")
        ]

    def __str__(self) -> str:
        return f"{self.application} @ {self.months}"


class FollowUpLink(models.Model):
    """A delegation's follow-up (partnerships) that led to this application.

    Soft landing holds the link, pointing down at partnerships, so that partnerships never
    knows soft landing: a follow-up leads to at most one application, an application may come
    out of several follow-ups (several delegations)."""

    follow_up = models.OneToOneField(
        "partnerships.FollowUp",
        on_delete=models.CASCADE,
        related_name="application_link",
        verbose_name=_("follow-up"),
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="follow_up_links",
        verbose_name=_("soft-landing application"),
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("delegation follow-up of an application")
        verbose_name_plural = _("delegation follow-ups of applications")

    def __str__(self) -> str:
        return f"{self.follow_up} → {self.application}"
