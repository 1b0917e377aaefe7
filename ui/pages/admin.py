"""Admin: corpus status and re-ingest, uploads, press lines, and the audit log. Behind settings' admin password."""

import datetime as dt
import hmac
import json
import math

import pandas as pd
import streamlit as st

from assistant.audit import as_text_cell
from ingest.pipeline import index_status, read_state
from ingest.settings import get_settings
from ui import admin_log, approvals_panel, one_shot, services, session
from ui.admin_log import audited, file_state
from ui.corpus_files import (
    UPLOAD_FOLDERS,
    UPLOAD_SUFFIXES,
    add_press_line,
    approve_press_line,
    check_approval,
    delete_upload,
    edit_press_line,
    has_unsaved_changes,
    lines_due_for_review,
    press_line_files,
    press_line_state,
    read_press_line,
    save_upload,
    uploaded_documents,
    uploads_dir,
    withdraw_press_line,
)
from ui.errors import readable_errors

VERDICT_CHOICES = {"green": "Green", "amber": "Amber", "red": "Red", None: "No verdict (question, refusal, brief)"}
KIND_CHOICES = {"ask": "Ask", "draft": "Draft check", "interview": "Interview brief"}
SOURCE_CHOICES = {"app": "App", "cli": "Command line", "api": "API"}


def admin_password() -> str | None:
    """The password from settings (PRESSLINE_ADMIN_PASSWORD) or, failing that, Streamlit secrets; None disables admin."""
    if secret := get_settings().admin_password:
        return secret.get_secret_value()
    try:
        return st.secrets.get("admin_password")
    except FileNotFoundError:
        return None


def unlocked() -> bool:
    if get_settings().admin_identities:
        return admin_by_identity()
    password = admin_password()
    if not password:
        st.info(
            "The admin page is switched off because no admin password is set. To switch it on, set "
            "`PRESSLINE_ADMIN_PASSWORD` in the server's environment or `.env` (or `admin_password` in "
            "`.streamlit/secrets.toml`) and restart Pressline.",
            icon=":material/lock:",
        )
        return False
    if st.session_state.get("admin"):
        return True
    log = services.audit_log()
    subjects = admin_log.login_subjects()
    if wait := log.login_wait(subjects):
        st.warning(f"Too many wrong admin passwords from this browser or this address. Wait {admin_log.wait_text(wait)} "
                   "before trying again; each further wrong password doubles the wait.", icon=":material/timer:")
    with st.form("admin-login"):
        given = st.text_input("Admin password", type="password")
        name = st.text_input("Your name or collar number (recorded with every admin action)", value=session.identity(),
                             max_chars=80)
        if st.form_submit_button("Unlock", type="primary"):
            who = admin_log.Actor(name.strip() or "unnamed", session.session_id(), admin_log.client_address())
            if not name.strip():
                st.warning("Enter your name or collar number: it is recorded with what you do here.")
                return False
            # The try is counted as a failure before the password is compared (one transaction with the wait check),
            # so tries from many tabs at once wait like tries one after another; a right password takes it back.
            base_s, cap_s = admin_log.backoff_settings()
            waiting, wait = log.claim_login_try(subjects, base_s, cap_s)
            if waiting:
                # Not even compared: a guesser gains nothing by trying during the wait.
                admin_log.record("login_refused", "admin page", after={"wait_s": round(waiting, 1)},
                                 outcome="refused: waiting", who=who)
                st.error(f"Wait {admin_log.wait_text(waiting)} before trying the password again.")
            elif hmac.compare_digest(given.encode(), password.encode()):
                log.login_succeeded(subjects)
                st.session_state["admin"] = True
                st.session_state["admin_name"] = name.strip()
                admin_log.record("unlock", "admin page", who=who)
                st.rerun()
            else:
                admin_log.record("login_failed", "admin page", after={"wait_s": round(wait, 1)},
                                 outcome="refused: wrong password", who=who)
                st.error(f"That password is not right. Wait {admin_log.wait_text(wait)} before trying again.")
    return False


def admin_by_identity() -> bool:
    """With PRESSLINE_ADMIN_IDENTITIES, the page is open to those identities, signed in through the deployment, and to
    nobody else: no password to share or guess. The first visit in a session is recorded as an unlock."""
    listed = {name.casefold() for name in get_settings().admin_identities}
    who = session.trusted_identity()
    if who.casefold() in listed:
        if not st.session_state.get("admin"):
            st.session_state["admin"] = True
            st.session_state["admin_name"] = who
            admin_log.record("unlock", "admin page", after={"by": "identity"})
        return True
    signed_in = f"You are signed in as **{who}**, which is not one of them." if who else "You are not signed in."
    st.info(f"The admin page is open only to the admins this deployment lists (PRESSLINE_ADMIN_IDENTITIES), signed in "
            f"through the force's sign-in. {signed_in}", icon=":material/lock:")
    return False


def reingest(done: str) -> None:
    """Bring the index in line with the corpus after a change, then say what happened on the next run."""
    settings = get_settings()
    with readable_errors("re-ingest the corpus"), audited("reingest", "corpus") as change:
        report = services.ingest_with_progress(settings, "Re-ingesting")
        services.engine().reload()  # answers and the press-lines page use the new index at once
        change["after"] = {"added": report.created, "changed": report.updated, "removed": report.deleted,
                           "unchanged": report.unchanged, "failed_files": len(report.errors)}
    summary = (f"{done} Index updated: {report.created} passages added, {report.updated} changed, "
               f"{report.deleted} removed, {report.unchanged} unchanged.")
    problems = [f"{source}: {problem}" for source, problem in report.errors]
    warnings = [f"{source}: {warning}" for source, warning in report.warnings]
    st.session_state["admin_notice"] = (summary, problems, warnings)
    st.rerun()


def corpus_status() -> None:
    settings = get_settings()
    state = read_state(settings)
    status = index_status(settings)
    columns = st.columns(3)
    columns[0].metric("Index", {"fresh": "Up to date", "stale": "Out of date", "missing": "Not built", "unreachable": "Server unreachable"}[status])
    columns[1].metric("Documents", sum(state.get("documents", {}).values()))
    columns[2].metric("Passages (chunks)", state.get("chunks", 0))
    st.caption(f"Last complete ingest finished at {state.get('finished_at', 'never').replace('T', ' ')}.")
    if status == "stale":
        st.warning("The corpus has changed since the last ingest; re-ingest so answers use the current files.")
    if status != "missing" and (unset := services.engine().resources.unset_contacts()):
        names = ", ".join(key.replace("_", " ") for key in unset)
        st.warning(f"No phone or email is set for: {names}. Officers are sent through the 24-hour Press Bureau "
                   "until they are set in corpus/contacts.yaml (and approved).", icon=":material/contact_phone:")
    if documents := state.get("documents"):
        st.dataframe(pd.DataFrame({"Kind": list(documents), "Documents": list(documents.values())}), hide_index=True)
    if errors := state.get("errors"):
        st.error(f"{len(errors)} file(s) could not be ingested at the last run:")
        st.dataframe(pd.DataFrame(errors, columns=["File", "Problem"]), hide_index=True)
    if st.button("Re-ingest the corpus", type="primary"):
        reingest("Re-ingest finished.")


def uploads() -> None:
    settings = get_settings()
    with st.form("upload", clear_on_submit=True):
        uploaded = st.file_uploader(
            "Document (PDF, Markdown or text)", type=[suffix.lstrip(".") for suffix in UPLOAD_SUFFIXES],
            max_upload_size=math.ceil(settings.max_file_mb),
        )
        folder = st.selectbox("What kind of document is it?", list(UPLOAD_FOLDERS), format_func=UPLOAD_FOLDERS.get)
        st.caption("An uploaded press line is saved as a draft whatever its file says; approve it under Press lines.")
        if st.form_submit_button("Upload and index", type="primary"):
            if uploaded is None:
                st.warning("Choose a file first.")
            else:
                with readable_errors(f"upload {uploaded.name}"), audited("upload", f"{folder}: {uploaded.name}") as change:
                    path = save_upload(settings, uploaded.name, uploaded.getvalue(), folder)
                    change["target"], change["after"] = settings.relative(path), file_state(path)
                reingest(f"Uploaded {settings.relative(path)}.")
    st.markdown("#### Uploaded documents")
    documents = uploaded_documents(settings)
    if not documents:
        st.caption("None yet.")
    for path in documents:
        folder = path.relative_to(uploads_dir(settings)).parts[0]
        status = read_press_line(settings, path).status if folder == "press-lines" else ""
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            st.markdown(f"`{settings.relative(path)}` · {UPLOAD_FOLDERS.get(folder, folder)}" + (f" · **{status}**" if status else ""))
            if status == "approved" and st.button("Withdraw", key=f"withdraw-{path}"):
                withdraw(settings, path)
            if st.session_state.get("confirm_delete") != str(path) and st.button("Delete", key=f"delete-{path}"):
                st.session_state["confirm_delete"] = str(path)
                st.rerun()
        if st.session_state.get("confirm_delete") == str(path):
            confirm_delete(settings, path)


def confirm_delete(settings, path) -> None:
    """The second step of a deletion: say what goes, and delete only on an explicit yes."""
    with st.container(border=True):
        st.warning(f"Delete {settings.relative(path)}? It leaves the corpus and the index; the app cannot bring it back.",
                   icon=":material/delete:")
        buttons = st.container(horizontal=True)
        if buttons.button("Yes, delete it", key=f"confirm-delete-{path}", type="primary"):
            st.session_state.pop("confirm_delete", None)
            with readable_errors(f"delete {path.name}"), audited("delete", settings.relative(path), before=file_state(path)):
                delete_upload(settings, path)
            reingest(f"Deleted {path.name}; its passages have left the index.")
        if buttons.button("Cancel", key=f"cancel-delete-{path}"):
            st.session_state.pop("confirm_delete", None)
            st.rerun()


def withdraw(settings, path) -> None:
    with readable_errors(f"withdraw {path.name}"), \
            audited("withdraw", settings.relative(path), before=press_line_state(settings, path)) as change:
        withdraw_press_line(settings, path)
        change["after"] = press_line_state(settings, path)
    reingest(f"Withdrew {path.name}.")


def press_line_fields(prefix: str, meta: dict, text: str) -> tuple[dict, str]:
    """The editable fields of a press line, as a form shows them."""
    fields = {
        "title": st.text_input("Title", value=str(meta.get("title") or ""), key=f"{prefix}-title"),
        "topic": st.text_input("Topic (lower case, e.g. arrests, stop_and_search)", value=str(meta.get("topic") or ""), key=f"{prefix}-topic"),
        "audience": st.text_input("Audience", value=str(meta.get("audience") or ""), key=f"{prefix}-audience"),
        "do_not_say": [
            item.strip() for item in st.text_area(
                "Do not say (one per line)", value="\n".join(meta.get("do_not_say") or []), key=f"{prefix}-dns",
            ).splitlines() if item.strip()
        ],
    }
    wording = st.text_area("The line, exactly as it may be read out or posted", value=text.strip(), height=140, key=f"{prefix}-text")
    return fields, wording


def press_lines() -> None:
    settings = get_settings()
    today = session.as_of()
    lines = press_line_files(settings)
    due = lines_due_for_review(lines, today)
    st.markdown("#### Due for review in the next 14 days")
    if due:
        st.dataframe(pd.DataFrame([
            {"Id": line.meta.get("id"), "Title": line.meta.get("title"), "Review by": str(line.meta.get("review_by"))} for line in due
        ]), hide_index=True)
    else:
        st.caption(f"No approved line is due for review between {today:%d %b %Y} and 14 days on.")

    st.markdown("#### Manage a press line")
    by_id = {str(line.meta.get("id")): line for line in lines}
    chosen = st.selectbox(
        "Press line", list(by_id), index=None, placeholder="Choose a line",
        format_func=lambda line_id: f"{by_id[line_id].meta.get('title')} — {by_id[line_id].status} ({line_id})",
    )
    if chosen:
        line = by_id[chosen]
        st.caption(f"`{settings.relative(line.path)}` · status **{line.status}** · approved {line.meta.get('approved_on') or '—'}"
                   f" by {line.meta.get('approved_by') or '—'} · review by {line.meta.get('review_by') or '—'}")
        # One form, so the wording on screen is what Save, Approve and Withdraw act on: a second form's button
        # would submit only its own fields and drop an edit made here.
        with st.form(f"edit-{chosen}"):
            changes, wording = press_line_fields(f"edit-{chosen}", line.meta, line.body)
            st.caption("Changing the wording of an approved line returns it to draft until it is approved again. "
                       "Approve saves any changes above first, then approves the saved line.")
            approved_by = st.text_input("Approved by (a role, never a person's name)", key=f"approve-{chosen}-by",
                                        value=str(line.meta.get("approved_by") or "DMC duty press officer"))
            approved_on = st.date_input("Approved on", value=today, format="DD/MM/YYYY", key=f"approve-{chosen}-on")
            review_by = st.date_input("Review by", value=today + dt.timedelta(days=182), format="DD/MM/YYYY",
                                      key=f"approve-{chosen}-review")
            buttons = st.container(horizontal=True)
            save = buttons.form_submit_button("Save changes")
            approve = buttons.form_submit_button("Approve", type="primary")
            withdraw_line = line.status == "approved" and buttons.form_submit_button("Withdraw this line")
        unsaved = has_unsaved_changes(line, changes, wording)
        if approve:
            with readable_errors("approve the press line"):
                check_approval(approved_by, approved_on, review_by)  # before any edit is saved
        if save or (approve and unsaved):
            with readable_errors("save the press line"), \
                    audited("edit", settings.relative(line.path), before=press_line_state(settings, line.path)) as change:
                edit_press_line(settings, line.path, changes, wording)
                change["after"] = press_line_state(settings, line.path)
        if approve:
            with readable_errors("approve the press line"), \
                    audited("approve", settings.relative(line.path), before=press_line_state(settings, line.path)) as change:
                approve_press_line(settings, line.path, approved_by, approved_on, review_by)
                change["after"] = press_line_state(settings, line.path)
            reingest(f"Saved your changes to {chosen} and approved it." if unsaved else f"Approved {chosen}.")
        if save:
            reingest(f"Saved {chosen}.")
        if withdraw_line:
            if unsaved:
                st.error(f"{chosen} has unsaved changes in the form above. Save them first, or choose the line again to "
                         "discard them, then withdraw it.")
            else:
                withdraw(settings, line.path)

    st.markdown("#### Add a press line")
    with st.form("add-press-line", clear_on_submit=True):
        line_id = st.text_input("Id (lower case with hyphens, e.g. pl-holding-road-closure)")
        fields, wording = press_line_fields("add", {}, "")
        st.caption("A new line is saved as a draft in corpus/press-lines/; approve it above before it is offered.")
        if st.form_submit_button("Add as draft"):
            with readable_errors("add the press line"), audited("add_press_line", f"press line {line_id.strip()}") as change:
                path = add_press_line(settings, {"id": line_id.strip(), **fields}, wording)
                change["target"], change["after"] = settings.relative(path), press_line_state(settings, path)
            reingest(f"Added {settings.relative(path)} as a draft.")


def audit() -> None:
    today = dt.date.today()
    columns = st.columns(3)
    period = columns[0].date_input("Between", value=(today - dt.timedelta(days=30), today), format="DD/MM/YYYY")
    officer = columns[1].text_input("Officer contains")
    text = columns[2].text_input("Question or answer contains")
    columns = st.columns(4)
    verdicts = columns[0].multiselect("Verdict", list(VERDICT_CHOICES), default=list(VERDICT_CHOICES), format_func=VERDICT_CHOICES.get)
    kinds = columns[1].multiselect("Kind", list(KIND_CHOICES), default=list(KIND_CHOICES), format_func=KIND_CHOICES.get)
    sources = columns[2].multiselect("Source", list(SOURCE_CHOICES), default=list(SOURCE_CHOICES), format_func=SOURCE_CHOICES.get)
    with_feedback = columns[3].checkbox("Only answers with feedback")
    marked_wrong = columns[3].checkbox("Only answers marked wrong")
    since, until = (period[0], period[-1]) if period else (None, None)
    entries = services.audit_log().entries(
        since=since, until=until, officer=officer, verdicts=verdicts, kinds=kinds, sources=sources, text=text,
        with_feedback_only=with_feedback, marked_wrong_only=marked_wrong,
    )
    st.caption(f"{len(entries)} answer(s); times are UTC. Entries older than {get_settings().audit_retention_days} days are purged.")
    # Built only when the admin clicks (a deferred download) and served once: the file leaves the server after the
    # browser has fetched it (ui/one_shot.py), so its URL is no way in for anyone without the password.
    one_shot.install()
    filters = {"since": since, "until": until, "officer": officer, "verdicts": verdicts, "kinds": kinds, "sources": sources,
               "text": text, "with_feedback_only": with_feedback, "marked_wrong_only": marked_wrong}
    build = admin_log.csv_export(services.audit_log(), filters, admin_log.actor())
    st.download_button("Download as CSV", lambda: one_shot.register(build()), file_name=f"pressline-audit-{today.isoformat()}.csv",
                       mime="text/csv", on_click="ignore", key="audit-csv",
                       help="Built when you click and served once; cells that a spreadsheet would run as formulas are quoted.")
    build_candidates = admin_log.marked_wrong_export(services.audit_log(), filters, admin_log.actor())
    st.download_button("Download answers marked wrong as candidate evaluation questions",
                       lambda: one_shot.register(build_candidates()), file_name=f"pressline-marked-wrong-{today.isoformat()}.jsonl",
                       mime="application/json", on_click="ignore", key="audit-candidates",
                       help="JSONL for DMC to label (no officer names); questions that near-copy one already in an "
                            "evaluation set, or each other, are left out.")
    if entries:
        st.dataframe(pd.DataFrame([
            {"Time": entry["at"].replace("T", " "), "Officer": entry["officer"], "Kind": KIND_CHOICES.get(entry["kind"], entry["kind"]),
             "Source": SOURCE_CHOICES.get(entry["source"], entry["source"]),
             "Question": entry["question"], "Date used": entry["date_used"], "Status": entry["status"],
             "Verdict": entry["verdict"] or "", "Escalated to": ", ".join(item["to"] for item in json.loads(entry["escalation"])),
             "Sources": "; ".join(f"{item['title']} ({item['locator']})" for item in json.loads(entry["citations"])),
             "Feedback": entry["feedback"] or "", "What was wrong": entry["feedback_comment"] or "", "Answer": entry["answer"], "Version": entry["app_version"],
             "Session": entry["session_id"][:8]}
            for entry in entries
        ]).map(as_text_cell), hide_index=True)  # the table's own CSV download (its toolbar) is formula-safe too
    admin_actions(since, until)


def admin_actions(since, until) -> None:
    st.markdown("#### Admin actions")
    actions = services.audit_log().admin_actions(since=since, until=until)
    st.caption(f"{len(actions)} admin action(s) in the period, newest first; times are UTC. Wrong passwords are here too.")
    if actions:
        st.dataframe(pd.DataFrame([
            {"Time": action["at"].replace("T", " "), "Admin": action["admin"], "Action": action["action"],
             "Target": action["target"], "Outcome": action["outcome"], "Before": action["before"] or "",
             "After": action["after"] or "", "Client": action["client"], "Session": action["session_id"][:8],
             "Source": SOURCE_CHOICES.get(action["source"], action["source"])}
            for action in actions
        ]).map(as_text_cell), hide_index=True)


st.title("Admin")
if not unlocked():
    st.stop()
# The notice sits in one container that is always there, so the tabs below keep their place (and the tab the admin
# was on) whether or not there is a notice.
with st.container():
    if notice := st.session_state.pop("admin_notice", None):
        summary, problems, warnings = notice
        st.success(summary, icon=":material/check_circle:")
        for warning in warnings:
            st.warning(warning)
        for problem in problems:
            st.error(problem)
if not get_settings().admin_identities and st.sidebar.button("Lock admin"):
    admin_log.record("lock", "admin page")
    st.session_state.pop("admin", None)
    st.rerun()
# Keyed and stateful, so a rerun (a delete's confirmation, a save) comes back to the same tab.
tabs = st.tabs(["Corpus", "Uploads", "Press lines", "Audit log"], key="admin-tab", on_change="rerun")
with tabs[0]:
    corpus_status()
with tabs[1]:
    uploads()
    approvals_panel.show()
with tabs[2]:
    press_lines()
with tabs[3]:
    audit()
