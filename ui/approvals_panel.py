"""Admin: which corpus files may be cited — drafts waiting for approval, approving them, and the approval record.

Called once from the admin page (ui/pages/admin.py). The records (ingest/approvals.py) live in Pressline's database
(ingest/database.py); a file committed with its line in corpus/approved.sha256 is approved by its commit.
"""

import pandas as pd
import streamlit as st

from ingest.approvals import CONFIGURATION, Approvals, key_of, path_of
from ingest.pipeline import corpus_files
from ingest.settings import get_settings

from . import services
from .admin_log import audited, file_state
from .errors import readable_errors

APPROVE_BUTTON = "Approve for citing"


def content_files(settings) -> list:
    """Every document file of the corpus, uploads included, and the configuration files an answer uses."""
    documents = corpus_files([settings.corpus_dir], settings)
    configuration = [path_of(settings, key) for key in CONFIGURATION if not key.startswith("rag-table/")]
    return [path for path in documents + configuration if path.exists()]


def show() -> None:
    settings = get_settings()
    approvals = Approvals(settings)
    st.markdown("#### Approval for citing")
    st.caption("Answers cite only approved versions of documents. A file committed with its line in "
               "`corpus/approved.sha256` is approved by its commit; an upload, or any file changed since it was "
               "approved, is a draft until approved here. Configuration files (RAG table, contacts, example bank, "
               "lexicon) are used only as last approved; the lexicon's approval takes effect when Pressline restarts.")
    if notice := st.session_state.pop("approvals_notice", None):
        st.success(notice, icon=":material/check_circle:")
    with readable_errors("check which files are approved"):
        for warning in services.engine().resources.warnings:
            st.warning(warning)
        files = content_files(settings)
        states = {path: approvals.approval(path) for path in files}
    drafts = [path for path, approval in states.items() if approval is None]
    if drafts:
        st.warning(f"{len(drafts)} draft(s) waiting for approval; answers never cite them.", icon=":material/draft:")
        with st.form("approve-file"):
            chosen = st.selectbox("Draft", drafts, format_func=lambda path: key_of(settings, path))
            approved_by = st.text_input("Approved by (a role, never a person's name)", value="DMC duty press officer",
                                        key="approve-file-by")
            st.caption("Approving approves this exact version (its SHA-256); any later change makes it a draft again. "
                       "A version of the RAG table that turns an amber or red topic green is refused.")
            if st.form_submit_button(APPROVE_BUTTON, type="primary"):
                with readable_errors(f"approve {key_of(settings, chosen)}"), \
                        audited("approve_file", key_of(settings, chosen), before=file_state(chosen)) as change:
                    approval = approvals.approve(chosen, approved_by)
                    change["after"] = {"sha256": approval.sha256, "approved_by": approval.approved_by}
                    services.engine().reload()
                st.session_state["approvals_notice"] = f"Approved {approval.path} ({approval.sha256[:12]}…)."
                st.rerun()
    else:
        st.caption("No drafts: every file is approved as it is.")
    st.dataframe(pd.DataFrame([
        {"File": key_of(settings, path), "State": approval.describe() if approval else "DRAFT — never cited",
         "SHA-256": (approval.sha256 if approval else "")[:12]}
        for path, approval in sorted(states.items(), key=lambda item: (item[1] is not None, key_of(settings, item[0])))
    ]), hide_index=True)
    if history := approvals.history():
        st.markdown("##### Approvals given here")
        st.dataframe(pd.DataFrame([{"When (UTC)": row["approved_at"].replace("T", " "), "File": row["path"],
                                    "Approved by": row["approved_by"], "SHA-256": row["sha256"][:12]} for row in history]),
                     hide_index=True)
