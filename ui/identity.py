"""Who the officer is when the deployment says so: the header an authenticating proxy sets (PRESSLINE_TRUSTED_USER_HEADER),
believed only from the proxies listed in PRESSLINE_TRUSTED_PROXIES.

A force puts an authenticating proxy (oauth2-proxy, or its own single sign-on gateway) in front of Pressline; the
proxy signs the officer in and passes their identity in a header. Anyone who can reach Pressline without the proxy
could set that header themselves, so a request is believed only when its connection comes from a trusted proxy
address, and refused otherwise — with or without the header — so nobody reaches the app unsigned-in by going round
the proxy. Without PRESSLINE_TRUSTED_USER_HEADER none of this applies and the app asks the officer's name as before.

Usage::

    officer = proxy_identity(settings, headers, peer)   # None when the setting is off; IdentityRefused when untrusted
"""

import ipaddress
from collections.abc import Mapping

from ingest.errors import PresslineError
from ingest.settings import Settings

LOCAL_PEER = "127.0.0.1"
"""Streamlit reports no address for a connection from this machine: it is taken as the loopback address."""
MAX_IDENTITY_CHARS = 200


class IdentityRefused(PresslineError):
    """The request did not come, signed in, through a trusted proxy; the message says what the officer should do."""


def proxy_identity(settings: Settings, headers: Mapping[str, str], peer: str | None) -> str | None:
    """The signed-in officer as the trusted proxy names them, or None when no trusted header is configured.

    Raises IdentityRefused when the header is configured but the connection is not from a trusted proxy (a forged
    header, or a way round the proxy), or the proxy sent no identity."""
    header = settings.trusted_user_header
    if not header:
        return None
    address = peer or LOCAL_PEER
    if not _trusted(address, settings.trusted_proxies):
        raise IdentityRefused(
            f"this connection (from {address}) did not come through the force's sign-in, so it is refused. "
            "Open Pressline at its usual address; if that is what you did, tell the service desk that Pressline's "
            "trusted proxy list (PRESSLINE_TRUSTED_PROXIES) does not include the sign-in proxy")
    given = _header(headers, header)
    identity = " ".join((given or "").split())[:MAX_IDENTITY_CHARS]
    if not identity:
        raise IdentityRefused(
            f"the force's sign-in did not say who you are (no {header} header), so Pressline cannot record who "
            "asked. Sign in again; if this goes on, tell the service desk")
    return identity


def _trusted(address: str, proxies: list[str]) -> bool:
    try:
        peer = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    return any(peer in ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by name, whatever its case (Streamlit's mapping may keep the case the proxy sent)."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None
