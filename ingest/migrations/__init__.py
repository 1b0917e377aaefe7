"""Alembic's migrations of Pressline's database (see ingest/database.py, which runs them)."""
