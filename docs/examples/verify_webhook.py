"""Verifies a Kayse webhook request with the standard library only (hmac, hashlib, base64; Python 3.8 or later).

raw_body: the request body exactly as received (bytes), before any JSON parsing.
headers: a mapping of the request headers (any header case), e.g. dict(request.headers).
secrets: your signing secret ("whsec_..."), or a list of them while you rotate.
"""
import base64
import hashlib
import hmac
import re
import time
from typing import Callable, List, Mapping, Optional, Sequence, Union

TOLERANCE_SECONDS = 5 * 60
Secrets = Union[str, Sequence[str]]


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    """One header's value, whatever the case of its name; None when absent."""
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _keys(secrets: Secrets) -> List[bytes]:
    """The HMAC key of a signing secret: the bytes after "whsec_", base64-decoded (not the text itself)."""
    result = []
    for secret in [secrets] if isinstance(secrets, str) else secrets:
        if not secret.startswith("whsec_"):
            raise ValueError("a Kayse signing secret starts with whsec_")
        result.append(base64.b64decode(secret[len("whsec_"):]))
    return result


def _is_fresh(timestamp: Optional[str], now: Optional[float], tolerance_seconds: int) -> bool:
    """True when the timestamp (unix seconds) is within the tolerance of now, either side."""
    if timestamp is None or not re.fullmatch(r"\d{1,15}", timestamp):
        return False
    current = int(time.time() if now is None else now)
    return abs(current - int(timestamp)) <= tolerance_seconds


def _any_match(expected: List[bytes], received: List[bytes]) -> bool:
    """True when any received signature equals any expected one; every comparison is constant-time."""
    matched = False
    for mine in expected:
        for theirs in received:
            if hmac.compare_digest(mine, theirs):
                matched = True
    return matched


def _decode(text: str, decoder: Callable[[str], bytes]) -> Optional[bytes]:
    """The decoded signature, or None when it is not valid hex / base64."""
    try:
        return decoder(text)
    except ValueError:
        return None


def verify_kayse_signature(raw_body: bytes, headers: Mapping[str, str], secrets: Secrets,
                           now: Optional[float] = None, tolerance_seconds: int = TOLERANCE_SECONDS) -> bool:
    """Checks X-Kayse-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...] over "<t>.<raw body>"."""
    parts = [part.strip() for part in (_header(headers, "x-kayse-signature") or "").split(",")]
    timestamps = [part[2:] for part in parts if part.startswith("t=")]
    received = [_decode(part[3:], bytes.fromhex) for part in parts if part.startswith("v1=")]
    received = [signature for signature in received if signature is not None]
    if len(timestamps) != 1 or not received or not _is_fresh(timestamps[0], now, tolerance_seconds):
        return False
    signed = timestamps[0].encode() + b"." + raw_body
    expected = [hmac.new(key, signed, hashlib.sha256).digest() for key in _keys(secrets)]
    return _any_match(expected, received)


def verify_standard_webhook(raw_body: bytes, headers: Mapping[str, str], secrets: Secrets,
                            now: Optional[float] = None, tolerance_seconds: int = TOLERANCE_SECONDS) -> bool:
    """Checks the Standard Webhooks headers: webhook-signature: v1,<base64>[ v1,<base64>...] over "<id>.<t>.<raw body>"."""
    message_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signature = _header(headers, "webhook-signature")
    if not message_id or not signature or not _is_fresh(timestamp, now, tolerance_seconds):
        return False
    received = [_decode(entry[3:], base64.b64decode) for entry in signature.split(" ") if entry.startswith("v1,")]
    received = [value for value in received if value is not None]
    signed = message_id.encode() + b"." + timestamp.encode() + b"." + raw_body
    expected = [hmac.new(key, signed, hashlib.sha256).digest() for key in _keys(secrets)]
    return _any_match(expected, received)
