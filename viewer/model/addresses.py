"""What counts as a web address a chronology may send to the browser: one rule for `check` and the window.

Only http and https, with a host that is a real host name (or an IP address in brackets), and nothing a
browser or a terminal would read differently from how it looks: no white space, no control characters.
`urlsplit` raises ValueError for some malformed addresses (`http://[::1`, a fullwidth solidus that NFKC
folds into a '/' of the host): those are refused here in words, never with a traceback.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from viewer.model.escaping import has_unsafe

# userinfo@, then a host name or a bracketed IPv6 address, then :port; nothing else (urlsplit ignores what
# follows a ']' and would let "http://[::1]x/" through).
_NETLOC = re.compile(r"(?:[^@/?#\[\]]*@)?(?:\[[0-9A-Za-z:.%]+\]|[^\[\]:@/?#]+)(?::[0-9]{0,5})?")
_HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)")


def web_address_problem(url: str) -> str | None:
    """Why `url` is not an http or https address the browser may be given, in words; None when it is one."""
    if any(char.isspace() for char in url):
        return "holds white space (a space or a line break)"
    if has_unsafe(url):
        return "holds a control character"
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            return "is not an http or https address"
        host = parts.hostname
        _ = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        return "is not a well-formed address"
    if not host:
        return "has no host name"
    if not _NETLOC.fullmatch(parts.netloc):
        return "is not a well-formed address"
    if not _host_is_valid(host):
        return "has a host name that is not valid"
    return None


def is_web_address(url: str | None) -> bool:
    """True only for a well-formed http or https address with a host (see `web_address_problem`)."""
    return bool(url) and web_address_problem(url or "") is None


def _host_is_valid(host: str) -> bool:
    if ":" in host:  # an IPv6 address, given in brackets
        import ipaddress

        try:
            ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return False
        return True
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except (UnicodeError, ValueError):
        return False
    labels = ascii_host.rstrip(".").split(".")
    return len(ascii_host) <= 253 and all(_HOST_LABEL.fullmatch(label) for label in labels)
