"""Raise a person's access stamp (`User.access_version`) whenever what a session caches may change.

A session keeps the organisation switcher's list with the stamp it read it under
(`accounts.actors.actor_for_session`); the user row is read on every request anyway, so a raised stamp
makes the very next request read it again (ADR 0188). The roles themselves are read on every request.
The hooks are model signals: the services, the invitations, the admin site and cascades.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkvrede.accounts.models import Membership, Organisation, RoleGrant, User


def bump(**where: Any) -> None:
    User.objects.filter(**where).update(access_version=F("access_version") + 1)


@receiver(post_save, sender=RoleGrant)
@receiver(post_delete, sender=RoleGrant)
def _grant_changed(sender: Any, instance: RoleGrant, **kwargs: Any) -> None:
    bump(memberships=instance.membership_id)


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def _membership_changed(sender: Any, instance: Membership, **kwargs: Any) -> None:
    bump(pk=instance.user_id)


@receiver(post_save, sender=Organisation)
def _organisation_changed(sender: Any, instance: Organisation, created: bool, **kwargs: Any) -> None:
    if not created:
        bump(memberships__organisation=instance.pk)


@receiver(post_save, sender=TOTPDevice)
@receiver(post_delete, sender=TOTPDevice)
@receiver(post_save, sender=StaticDevice)
@receiver(post_delete, sender=StaticDevice)
def _device_changed(sender: Any, instance: TOTPDevice | StaticDevice, **kwargs: Any) -> None:
    bump(pk=instance.user_id)
