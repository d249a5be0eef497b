"""Storage of bytes: uploaded originals (by SHA-256) and generated files (by cache key).

`local` keeps them under the data folder; an object store (S3-compatible) plugs in here as another store
with the same methods. `names` cleans the file names clients send, which are only ever labels.
The database (campaigns, returns, users) is the other room, `store/`.
"""

from huizong.service.storage.local import FileStore
from huizong.service.storage.names import safe_name, suffix_of

__all__ = ["FileStore", "safe_name", "suffix_of"]
