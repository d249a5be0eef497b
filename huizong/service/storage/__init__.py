"""Storage of bytes: uploaded originals (by SHA-256) and generated files (by cache key).

`local` keeps them under the data folder (the default); `s3` in an S3-compatible bucket when
`HUIZONG_STORAGE_URL=s3://bucket/prefix`; `open_storage` picks one. `names` cleans the file names clients
send, which are only ever labels. The database (campaigns, returns, users) is the other room, `store/`.
"""

from __future__ import annotations

from huizong.service.settings import Settings
from huizong.service.storage.base import Blob, Storage
from huizong.service.storage.local import FileStore
from huizong.service.storage.names import safe_name, suffix_of

__all__ = ["Blob", "FileStore", "Storage", "open_storage", "safe_name", "suffix_of"]


def open_storage(settings: Settings) -> Storage:
    if settings.storage_url:
        from huizong.service.storage.s3 import ObjectStore

        return ObjectStore(settings.storage_url)
    return FileStore(settings.data_dir)
