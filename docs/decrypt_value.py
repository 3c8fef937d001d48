#!/usr/bin/env python3
"""Decrypts one secret value from an Agent Secrets vault file, independently of the app.

Usage: decrypt_value.py VAULT.sqlite3 KEK_HEX PROJECT SECRET [ENVIRONMENT]
KEK_HEX: secret-tool lookup service agent-secrets username vault-<vault id>
Follows docs/FORMAT.md; needs only Python's sqlite3 and the `cryptography` package.
"""
import sqlite3
import sys
import uuid

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "agent-secrets/v1"


def open_blob(key: bytes, aad: str, blob: bytes) -> bytes:
    if blob[0] != 1:
        raise SystemExit(f"unknown blob version {blob[0]}")
    return AESGCM(key).decrypt(blob[1:13], blob[13:], aad.encode("ascii"))


db_path, kek_hex, project_name, secret_name = sys.argv[1:5]
environment = sys.argv[5] if len(sys.argv) > 5 else None
db = sqlite3.connect(db_path)
meta = dict(db.execute("SELECT key, value FROM meta"))
vault = meta["vault_id"].decode("ascii")
dek = open_blob(bytes.fromhex(kek_hex), f"{PREFIX}|data-key|vault={vault}|wrapped-by=keyring",
                meta["data_key_under_keyring"])
(project_id,) = db.execute("SELECT id FROM projects WHERE name = ?", (project_name,)).fetchone()
secret_id, visibility, blob = db.execute(
    "SELECT id, visibility, value FROM secrets WHERE project_id = ? AND name = ?",
    (project_id, secret_name)).fetchone()
place = "default"
if environment:
    (env_id,) = db.execute("SELECT id FROM environments WHERE project_id = ? AND name = ? COLLATE NOCASE",
                           (project_id, environment)).fetchone()
    row = db.execute("SELECT value FROM overrides WHERE secret_id = ? AND environment_id = ?",
                     (secret_id, env_id)).fetchone()
    if row:
        blob, place = row[0], str(uuid.UUID(bytes=env_id))
if blob is None:
    raise SystemExit(f"{secret_name} has no value here")
aad = (f"{PREFIX}|secret-value|vault={vault}|project={uuid.UUID(bytes=project_id)}"
       f"|secret={uuid.UUID(bytes=secret_id)}|environment={place}|visibility={visibility}")
sys.stdout.write(open_blob(dek, aad, blob).decode("utf-8"))
