"""Schemathesis hooks: sign every request the way an iyashi client does, so
the fuzzer reaches the handlers behind the signature check instead of
stopping at 401. Loaded with SCHEMATHESIS_HOOKS=schemathesis_hooks.

Signing happens on the prepared request, after schemathesis has serialised
the body, so the signature covers exactly the bytes sent. Each request gets
a fresh key (so per-key rate limits and replays never hide a handler) and a
fresh nonce; heartbeats get a bearer token from /v1/session. A fresh key
pays the service's proof of work (CI runs the service with an easy one).
"""

import base64
import hashlib
import json
import os
import time

import nacl.signing
import requests

_send = requests.Session.send

# Must match the service's --work-bits and --work-parts in .ci/run.
WORK_BITS = int(os.environ.get("LETTERS_WORK_BITS", "4"))
WORK_PARTS = int(os.environ.get("LETTERS_WORK_PARTS", "2"))


def _work(public_key):
    """The proof of work for a new key, as iyashi_letters::work makes it."""
    nonces = []
    for part in range(WORK_PARTS):
        nonce = 0
        while True:
            digest = hashlib.sha256(
                b"iyashi-letters-work-v1" + public_key + part.to_bytes(4, "big") + nonce.to_bytes(8, "big")
            ).digest()
            if int.from_bytes(digest, "big") >> (256 - WORK_BITS) == 0:
                break
            nonce += 1
        nonces.append(str(nonce))
    return f"{WORK_BITS}:{','.join(nonces)}"


def _sign(prepared, key):
    body = prepared.body or b""
    if isinstance(body, str):
        body = body.encode()
    method = prepared.method.upper()
    path = prepared.path_url
    now = str(int(time.time()))
    nonce = os.urandom(16).hex()
    message = "\n".join(
        ["iyashi-letters-v1", method, path, now, nonce, hashlib.sha256(body).hexdigest()]
    ).encode()
    prepared.headers["x-iyashi-key"] = base64.b64encode(bytes(key.verify_key)).decode()
    prepared.headers["x-iyashi-time"] = now
    prepared.headers["x-iyashi-nonce"] = nonce
    prepared.headers["x-iyashi-signature"] = base64.b64encode(key.sign(message).signature).decode()
    prepared.headers["x-iyashi-work"] = _work(bytes(key.verify_key))


def _signed_send(self, prepared, **kwargs):
    key = nacl.signing.SigningKey.generate()
    if prepared.path_url.startswith("/v1/presence") and prepared.method.upper() == "POST":
        session = requests.Request("POST", prepared.url.split("/v1/")[0] + "/v1/session").prepare()
        _sign(session, key)
        answer = _send(self, session, **kwargs)
        if answer.status_code == 200:
            prepared.headers["authorization"] = "Bearer " + json.loads(answer.content)["token"]
    elif prepared.path_url.startswith("/v1/"):
        _sign(prepared, key)
    return _send(self, prepared, **kwargs)


requests.Session.send = _signed_send
