"""One encrypted backup file: AES-256-GCM in chunks (the `cryptography` package), the key never in the file.

Layout: MAGIC (8 bytes) + a random file id (16 bytes), then records of
``length (4 bytes, big-endian) | nonce (12 bytes) | ciphertext + tag``, each sealing up to CHUNK bytes. Every chunk
is authenticated together with the header, its index and whether it is the last one, so a file cut short,
reordered or spliced from two backups fails to open instead of restoring part of a database.
"""

import base64
import binascii
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"BDBACK01"
CHUNK = 1024 * 1024
_HEADER = len(MAGIC) + 16


class BackupError(Exception):
    """A backup or restore that cannot go on, with a message for the person running the command."""


def generate_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def parse_key(value: str | None) -> bytes:
    if not value:
        raise BackupError("BACKUP_KEY is not set. Generate one with `balekdusun backup --generate-key` and keep "
                          "it apart from the backups (a password manager, the office safe).")
    try:
        key = base64.urlsafe_b64decode(value.strip().encode() + b"=" * (-len(value.strip()) % 4))
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise BackupError("BACKUP_KEY must be 32 bytes in URL-safe base64 (44 characters), as "
                          "`balekdusun backup --generate-key` prints.")
    return key


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if last else 0)


class EncryptingWriter:
    """A write-only file object: what is written reaches `raw` sealed, chunk by chunk. close() seals the last."""

    def __init__(self, raw, key: bytes):
        self.raw, self.aead = raw, AESGCM(key)
        self.header = MAGIC + os.urandom(16)
        self.raw.write(self.header)
        self.buffer = bytearray()
        self.index = 0
        self.closed = False

    def _seal(self, data: bytes, last: bool) -> None:
        nonce = os.urandom(12)
        sealed = self.aead.encrypt(nonce, bytes(data), _aad(self.header, self.index, last))
        self.raw.write(struct.pack(">I", len(sealed)) + nonce + sealed)
        self.index += 1

    def write(self, data) -> int:
        self.buffer += data
        while len(self.buffer) > CHUNK:  # keep at least one byte back: the last chunk is sealed by close()
            self._seal(self.buffer[:CHUNK], last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._seal(self.buffer, last=True)
            self.buffer = bytearray()
            self.closed = True


class DecryptingReader:
    """A read-only file object over a sealed file; a wrong key or any change to the file raises BackupError."""

    def __init__(self, raw, key: bytes):
        self.raw, self.aead = raw, AESGCM(key)
        self.header = raw.read(_HEADER)
        if len(self.header) < _HEADER or not self.header.startswith(MAGIC):
            raise BackupError("This is not a Balek Dusun backup file (its first bytes are wrong).")
        self.index = 0
        self.buffer = bytearray()
        self.done = False

    def _next(self) -> None:
        head = self.raw.read(16)
        if len(head) < 16:
            raise BackupError("The backup file is cut short (it ends before its last part): copy it again.")
        (length,) = struct.unpack(">I", head[:4])
        sealed = self.raw.read(length)
        if len(sealed) < length:
            raise BackupError("The backup file is cut short (it ends before its last part): copy it again.")
        for last in (False, True):
            try:
                plain = self.aead.decrypt(head[4:], sealed, _aad(self.header, self.index, last))
            except InvalidTag:
                continue
            self.index += 1
            self.buffer += plain
            if last:
                self.done = True
                if self.raw.read(1):
                    raise BackupError("The backup file has data after its last part: it is damaged.")
            return
        if self.index == 0:
            raise BackupError("BACKUP_KEY does not open this backup: the key is wrong (or the file is damaged).")
        raise BackupError(f"The backup file is damaged (part {self.index + 1} does not verify).")

    def read(self, size: int = -1) -> bytes:
        while not self.done and (size < 0 or len(self.buffer) < size):
            self._next()
        if size < 0:
            size = len(self.buffer)
        out = bytes(self.buffer[:size])
        del self.buffer[:size]
        return out
