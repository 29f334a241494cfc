"""The ecosystem directory: organisations, sectors, people, affiliations and network memberships."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from maillage.ecosystem import text
from maillage.ecosystem.coordinates import latitude_field, longitude_field
from maillage.ecosystem.enums import (
    SUBTYPES_BY_KIND,
    MembershipRole,
    OrganisationKind,
    OrganisationSubtype,
    SizeBand,
)


class Sector(models.Model):
    """Two-level taxonomy: a filière (parent is null) and its specialities."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("filière"),
    )
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)

    class Meta:
        ordering = ["parent__name_en", "name_en"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_fr if (get_language() or "en").startswith("fr") else self.name_en

    def clean(self) -> None:
        if self.parent_id and self.parent.parent_id:
            raise ValidationError(
                {"parent": _("A speciality belongs to a filière, not to another speciality.")}
            )


class Organisation(models.Model):
    Kind = OrganisationKind  # for templates: organisation.kind == organisation.Kind.PARK

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    aliases = models.TextField(
        _("aliases"),
        blank=True,
        default="",
        help_text=_("Other names and acronyms, one per line."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    subtype = models.CharField(
        _("subtype"), max_length=24, choices=OrganisationSubtype.choices, blank=True, default=""
    )
    description_en = models.TextField(_("description (English)"), blank=True, default="")
    description_fr = models.TextField(_("description (French)"), blank=True, default="")
    website = models.URLField(_("website"), blank=True, default="")
    website_domain = models.CharField(
        max_length=200, blank=True, default="", editable=False, db_index=True
    )
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166 alpha-2 code"))
    city = models.CharField(_("city"), max_length=120, blank=True, default="")
    address = models.CharField(_("address"), max_length=255, blank=True, default="")
    latitude = latitude_field()
    longitude = longitude_field()
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
        verbose_name=_("parent organisation"),
        help_text=_("For example the university a laboratory belongs to."),
    )
    host_park = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted",
        limit_choices_to={"kind": OrganisationKind.PARK},
        verbose_name=_("host park"),
    )
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="organisations", verbose_name=_("sectors")
    )
    size_band = models.CharField(
        _("size"), max_length=10, choices=SizeBand.choices, blank=True, default=""
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1000), MaxValueValidator(2100)],
    )
    # Accent- and case-folded name, aliases, city and descriptions: what the search matches.
    search_text = models.TextField(editable=False, default="")
    name_key = models.CharField(max_length=200, editable=False, default="", db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            models.Index(fields=["kind", "country"]),
            models.Index(fields=["country", "name_key"]),
            # Reports count the organisations a park hosts and those added in a period.
            models.Index(fields=["host_park", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.compute_derived_fields()
        if not self.slug:
            self.slug = text.unique_slug(Organisation, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("ecosystem:organisation", kwargs={"slug": self.slug})

    @property
    def description(self) -> str:
        if (get_language() or "en").startswith("fr"):
            return self.description_fr or self.description_en
        return self.description_en or self.description_fr

    @property
    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.splitlines() if a.strip()]

    def clean(self) -> None:
        errors = {}
        allowed = SUBTYPES_BY_KIND.get(self.kind, set())
        if self.subtype and self.subtype not in allowed:
            errors["subtype"] = _("This subtype does not fit the kind chosen.")
        if not text.is_country_code(self.country):
            errors["country"] = _("Unknown country code; use an ISO 3166 code such as FR or CN.")
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude"] = _("Give both latitude and longitude, or neither.")
        if self.pk and self.parent_id == self.pk:
            errors["parent"] = _("An organisation cannot be its own parent.")
        if self.pk and self.host_park_id == self.pk:
            errors["host_park"] = _("An organisation cannot host itself.")
        if errors:
            raise ValidationError(errors)

    def compute_derived_fields(self) -> None:
        """Fill the fields computed from others. save() calls it; bulk writers (bulk_create,
        bulk_update bypass save()) call it themselves, and choose the slug themselves."""
        for name, value in derived_fields(self).items():
            setattr(self, name, value)


def derived_fields(row) -> dict:
    """country, website_domain, name_key and search_text of an organisation (or of any object
    with its attributes, such as the rows that maillage.ecosystem.importing.bulk inserts)."""
    return {
        "country": (row.country or "").upper(),
        "website_domain": text.website_domain(row.website),
        "name_key": text.name_key(row.name),
        "search_text": text.fold(
            " ".join([row.name, row.aliases, row.city, row.description_en, row.description_fr])
        ),
    }


class SearchEntry(models.Model):
    """An organisation's row in the full-text index (maillage.ecosystem.search_index keeps it).

    Not managed by Django: on SQLite the table is an FTS5 virtual table, whose row id is the
    organisation's and whose hidden column bearing the table's name is what MATCH and bm25() take;
    on PostgreSQL a plain table with the same two column names (a weighted tsvector in the
    second) and a GIN index."""

    id = models.BigIntegerField(primary_key=True, db_column="rowid")  # the organisation's id
    # A relation without a column of its own, for the join (a one-to-one field would be read by
    # the audit trail on every save of an organisation).
    organisation = models.ForeignObject(
        Organisation,
        on_delete=models.DO_NOTHING,
        from_fields=["id"],
        to_fields=["id"],
        related_name="search_entry",
    )
    document = models.TextField(db_column="ecosystem_search")
    names = models.TextField()

    class Meta:
        managed = False
        db_table = "ecosystem_search"

    def __str__(self) -> str:
        return self.names


class Person(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True, default="", db_index=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, default="")
    languages = models.CharField(
        _("languages"),
        max_length=60,
        blank=True,
        default="",
        help_text=_("ISO 639-1 codes separated by commas, e.g. fr,en"),
    )
    bio = models.TextField(_("biography"), blank=True, default="")
    public_consent = models.BooleanField(
        _("appears in the public directory"),
        default=False,
        help_text=_("Only people who agreed are shown to the public."),
    )
    consent_at = models.DateTimeField(_("consent given on"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        verbose_name=_("user account"),
    )
    organisations = models.ManyToManyField(
        Organisation, through="Affiliation", related_name="people", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def full_name(self) -> str:
        return str(self)


class Affiliation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations"
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True, default="")
    is_primary = models.BooleanField(_("main affiliation"), default=True)

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="unique_affiliation"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.organisation}"


class Membership(models.Model):
    """An organisation's membership of a network (an organisation of kind network)."""

    network = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="member_links",
        limit_choices_to={"kind": OrganisationKind.NETWORK},
        verbose_name=_("network"),
    )
    member = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="network_links",
        verbose_name=_("member"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["network__name", "member__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "member", "since"], name="unique_membership"
            ),
            models.CheckConstraint(
                condition=models.Q(until__isnull=True)
                | models.Q(since__isnull=True)
                | models.Q(until__gte=models.F("since")),
                name="membership_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} ∈ {self.network}"

    def clean(self) -> None:
        if self.network_id and self.network.kind != OrganisationKind.NETWORK:
            raise ValidationError(
                {"network": _("Only an organisation of kind network has members.")}
            )
        if self.network_id and self.network_id == self.member_id:
            raise ValidationError({"member": _("A network cannot be its own member.")})
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": _("The end date comes before the start date.")})


class PageClaim(models.Model):
    """A signed-in person's claim to edit their organisation's directory page (ecosystem/claims.py):
    approved at once when their address is at the organisation's web domain, otherwise by the
    staff of the organisation's host park."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="page_claims"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="page_claims"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    by_domain = models.BooleanField(_("approved by the address domain"), default=False)
    message = models.TextField(_("message"), max_length=1000, blank=True, default="")
    created_at = models.DateTimeField(_("claimed on"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("page claim")
        verbose_name_plural = _("page claims")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_claim_per_person")
        ]
        indexes = [models.Index(fields=["status", "organisation"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
