"""Storage: SQLAlchemy tables, repository functions, Alembic migrations."""
