"""One store for a force: approvals, approved snapshots and saved conversations join the audit log, with indexes
for the admin page's filters.

The first release kept approvals and conversations in files of their own beside the audit log; their rows are
copied in here, and the files renamed `*.imported` once this migration is committed.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import context, op

from ingest.migrations.legacy import copy_legacy_files

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.Text, nullable=False),
        sa.Column("approved_by", sa.Text, nullable=False),
        sa.Column("approved_at", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("approvals_version", "approvals", ["path", "sha256"])
    op.create_table(
        "snapshots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("saved_at", sa.Text, nullable=False),
        sa.UniqueConstraint("path", "sha256", name="snapshots_version"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "conversations",
        sa.Column("key_hash", sa.Text, primary_key=True),
        sa.Column("saved", sa.Text, nullable=False),
        sa.Column("started", sa.Double, nullable=False),
        sa.Column("touched", sa.Double, nullable=False),
    )
    op.create_index("conversations_touched", "conversations", ["touched"])
    op.create_index("conversations_started", "conversations", ["started"])
    op.create_index("answers_verdict_at", "answers", ["verdict", "at"])
    op.create_index("answers_feedback_at", "answers", ["feedback", "at"])
    op.create_index("admin_actions_action_at", "admin_actions", ["action", "at"])

    attributes = context.config.attributes
    if "data_dir" in attributes:
        attributes["imported"].extend(copy_legacy_files(op.get_bind(), attributes["data_dir"]))
