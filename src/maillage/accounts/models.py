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
        _("preferred language"),
        max_length=8,
        blank=True,
        default="",
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


class ApiToken(models.Model):
    """A token for scripts calling the API. Only a hash is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash(token: str) -> str:
        import hashlib

        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, *, user: User, name: str) -> tuple[ApiToken, str]:
        import secrets

        token = secrets.token_urlsafe(32)
        obj = cls.objects.create(user=user, name=name, key_hash=cls.hash(token), prefix=token[:8])
        return obj, token

    @classmethod
    def user_for(cls, token: str) -> User | None:
        from django.utils import timezone

        obj = cls.objects.select_related("user").filter(key_hash=cls.hash(token)).first()
        if obj is None or not obj.user.is_active:
            return None
        cls.objects.filter(pk=obj.pk).update(last_used_at=timezone.now())
        return obj.user
