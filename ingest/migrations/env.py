"""Alembic's environment: ingest/database.py runs the migrations on a connection it has already opened, inside its
own exclusive transaction, so this only hands that connection to Alembic."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise SystemExit("Pressline migrates its database itself when it opens it (ingest/database.py): "
                     "start Pressline (or run `python -m ingest`) rather than the alembic command")
context.configure(connection=connection)
with context.begin_transaction():
    context.run_migrations()
