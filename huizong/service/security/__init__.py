"""Who may do what: accounts and tokens (`auth`), upload and request limits (`limits`), the audit log (`audit`)."""
