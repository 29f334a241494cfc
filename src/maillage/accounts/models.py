"""Users sign in with their e-mail address; staff are attached to the organisations they run."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailUserManager(UserManager):
    def _create_user(self, username, email, password, **extra_fields):  # noqa: ARG002
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(None, email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(None, email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person who signs in.

    Roles: a platform admin is a superuser; park or network staff have organisations in
    ``staff_of`` (they may edit those and the organisations those host or federate);
    everybody else is a participant who edits their own profile.
    """

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    staff_of = models.ManyToManyField(
        "ecosystem.Organisation",
        blank=True,
        related_name="staff_users",
        verbose_name=_("staff of"),
        help_text=_("Parks or networks this user works for and may manage."),
    )
    language = models.CharField(
        _("preferred language"), max_length=8, blank=True, default="",
        choices=[("en", "English"), ("fr", "Français")],
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def is_platform_admin(self) -> bool:
        return self.is_active and self.is_superuser
