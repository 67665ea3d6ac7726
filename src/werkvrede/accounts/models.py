"""Organisations (tenants), people who log in, and their roles per organisation."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.contrib.sessions.base_session import AbstractBaseSession, BaseSessionManager
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from werkvrede.core.roles import Role
from werkvrede.core.versioning import Versioned

#: Fixed path segments beside an organisation's slug in a public address (/melden/ontvangstcode/,
#: /protocol/instellingen/): an organisation with such a slug would find its page hidden behind them.
#: `tests/security/test_url_classification.py` derives them from the URLs and keeps this list complete.
RESERVED_SLUGS = frozenset({"instellingen", "klokkenluider", "ontvangstcode"})


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username: str | None) -> User:
        # E-mail addresses are case-insensitive for people; stored lower-case.
        return self.get(email__iexact=username)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who can log in. Logs in with an e-mail address."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("naam"), max_length=200)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Part of every session's authentication hash: raising it ends every session of this person at its
    # next request (log out everywhere, a password change, a deactivation; werkvrede.accounts.sessions).
    session_generation = models.PositiveIntegerField(default=0)
    # The stamp of the person's access: raised by the database on every role grant or revocation,
    # membership change, device change and organisation rename, never lowered (ADR 0199). A session
    # keeps its roles with the stamp it read; a different stamp makes the request read them again.
    access_version = models.PositiveIntegerField(default=0)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Django's hash covers the password hash only; ours also covers the session generation.
        key_salt = "werkvrede.accounts.User.get_session_auth_hash"
        value = f"{self.password}:{self.session_generation}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()


class Membership(Versioned):
    """A user's place in an organisation; the roles are RoleGrant rows."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_user_organisation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class RoleGrant(models.Model):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="grants")
    role = models.CharField(max_length=5, choices=Role.choices)
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["membership", "role"], name="role_grant_unique")]
        # "Who holds this role here" (the vertrouwenspersonen on the start page): a rare role is found
        # by its own rows, not by reading every grant (ADR 0200).
        indexes = [models.Index(fields=["role", "membership"])]

    def __str__(self) -> str:
        return f"{self.membership}: {self.role}"


class Invitation(models.Model):
    """An offer to join an organisation with some roles, accepted by the invitee through a one-time link.

    The invitee's account exists from the start (a new address gets one without a password), but their
    membership is created only when they accept: an invitation never changes an existing account (its
    active state, password or other memberships), and the inviter sees only what they typed.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    invitee = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    # As typed by the inviter; shown to the inviting side until the invitation is accepted.
    invited_name = models.CharField(max_length=200)
    roles = models.CharField(max_length=60, help_text="comma-separated role codes granted on acceptance")
    invited_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # What the invitation is for, e.g. "supporters.grant" with the grant's id: the context that made it
    # reacts to the acceptance (signal `invitation_accepted`).
    purpose = models.CharField(max_length=40)
    reference = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    # Withdrawn by a Beheerder, or ended because the invitee left the organisation (ADR 0071).
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # Part of the signed link: resending raises it, so only the newest link works (ADR 0071).
    link_version = models.PositiveIntegerField(default=0)
    # When the newest link was issued; it expires WERKVREDE_INVITATION_DAYS later.
    link_issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["purpose", "reference"]),
            models.Index(fields=["invitee", "accepted_at"]),
        ]

    def __str__(self) -> str:
        return f"invitation {self.pk}"

    @property
    def role_list(self) -> list[Role]:
        return [Role(code) for code in self.roles.split(",") if code]

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.declined_at is None and self.withdrawn_at is None


class LoginFailure(models.Model):
    """A wrong password, kept for a day to throttle log-ins (ADR 0055).

    Pseudonymous: the typed address and the client are stored only as keyed hashes (the secret key),
    enough to count them and nothing more. A password being checked has its row already, so parallel
    guesses count against each other; a success removes it again.
    """

    account = models.CharField(max_length=64)
    client = models.CharField(max_length=64)
    at = models.DateTimeField()
    # A later success of this client on this account ended its delay (the other counts stand).
    cleared = models.BooleanField(default=False)
    # This failure took its client over the spraying limit: the client waits out the cool-off.
    blocked_client = models.BooleanField(default=False)
    # This failure set off the notice to the owner and the Beheerders, once per window.
    notified = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["account", "at"], name="login_failure_account_at"),
            models.Index(fields=["client", "at"], name="login_failure_client_at"),
            models.Index(fields=["at"], name="login_failure_at"),
        ]

    def __str__(self) -> str:
        return f"log-in failure {self.pk} at {self.at:%Y-%m-%d %H:%M:%S}"


class LoginSessionManager(BaseSessionManager["LoginSession"]):
    def get_queryset(self) -> models.QuerySet[LoginSession]:
        # Reading a session is reading its person (ADR 0204): one query with a join, not two.
        return super().get_queryset().select_related("user")


class LoginSession(AbstractBaseSession):
    """A log-in session, stored with the id of the person it belongs to (ADR 0204).

    Django's own session row holds the person's id only inside its encoded data, so a request reads the
    session and then the person: two queries. Here the id is a column too, set from the data on every
    save (`accounts.session_store`), and the request reads the session with the person joined in.
    Deleting a person deletes their sessions.
    """

    # No database constraint: the column only points the read at the person; Django's session check
    # decides. A person removed with SQL leaves a row that reads no one and ends at its expiry.
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )

    objects: ClassVar[LoginSessionManager] = LoginSessionManager()

    @classmethod
    def get_session_store_class(cls) -> type[Any]:
        from werkvrede.accounts.session_store import SessionStore

        return SessionStore

    def __str__(self) -> str:
        return f"session of person {self.user_id}" if self.user_id else "session without a person"
