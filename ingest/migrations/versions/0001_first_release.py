"""The audit log as the first release wrote it (answers, admin actions, password lockouts).

A file that release wrote already has these tables, with or without the two columns added during it; they are
created only where missing, so the file is adopted as it is.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "answers" not in existing:
        op.create_table(
            "answers",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("at", sa.Text, nullable=False),
            sa.Column("session_id", sa.Text, nullable=False),
            sa.Column("officer", sa.Text, nullable=False),
            sa.Column("kind", sa.Text, nullable=False),
            sa.Column("question", sa.Text, nullable=False),
            sa.Column("date_used", sa.Text, nullable=False),
            sa.Column("status", sa.Text, nullable=False),
            sa.Column("verdict", sa.Text),
            sa.Column("escalation", sa.Text, nullable=False),
            sa.Column("citations", sa.Text, nullable=False),
            sa.Column("answer", sa.Text, nullable=False),
            sa.Column("app_version", sa.Text, nullable=False),
            sa.Column("feedback", sa.Text),
            sa.Column("feedback_at", sa.Text),
            sa.Column("source", sa.Text, nullable=False, server_default="app"),
            sa.Column("feedback_comment", sa.Text),
            sqlite_autoincrement=True,
        )
        op.create_index("answers_at", "answers", ["at"])
    else:
        columns = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("answers")}
        if "source" not in columns:  # before every caller was audited, all answers came from the app
            op.add_column("answers", sa.Column("source", sa.Text, nullable=False, server_default="app"))
        if "feedback_comment" not in columns:
            op.add_column("answers", sa.Column("feedback_comment", sa.Text))
    if "admin_actions" not in existing:
        op.create_table(
            "admin_actions",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("at", sa.Text, nullable=False),
            sa.Column("admin", sa.Text, nullable=False),
            sa.Column("action", sa.Text, nullable=False),
            sa.Column("target", sa.Text, nullable=False),
            sa.Column("before", sa.Text),
            sa.Column("after", sa.Text),
            sa.Column("outcome", sa.Text, nullable=False),
            sa.Column("session_id", sa.Text, nullable=False),
            sa.Column("client", sa.Text, nullable=False),
            sa.Column("source", sa.Text, nullable=False),
            sqlite_autoincrement=True,
        )
        op.create_index("admin_actions_at", "admin_actions", ["at"])
    if "admin_lockouts" not in existing:
        op.create_table(
            "admin_lockouts",
            sa.Column("subject", sa.Text, primary_key=True),
            sa.Column("failures", sa.Integer, nullable=False),
            sa.Column("last_failure", sa.Double, nullable=False),
            sa.Column("locked_until", sa.Double, nullable=False),
        )
