"""The hash of jxlint's caches: result-cache keys, the stamps of code, rules and
environment, and the integrity check of the private cache's files.

BLAKE2b with 32-byte digests, as strong as SHA-256. It comes from CPython's own
`_blake2` module: `import hashlib` loads OpenSSL first, which alone took longer than
the rest of a cached one-file lint's jxlint work after its imports. (Reports that
publish a digest, such as GitLab fingerprints, keep their SHA-256.)
"""

from __future__ import annotations

try:
    from _blake2 import blake2b as _blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b as _blake2b

SIZE = 32


def hasher(data: bytes = b""):
    """A new hash object (`update`, `digest`, `hexdigest`), fed `data`."""
    return _blake2b(data, digest_size=SIZE)
