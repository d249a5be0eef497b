"""HTTP plumbing shared by `api/` and `web/`: dependencies (who is asking), errors in Chinese, file downloads."""
