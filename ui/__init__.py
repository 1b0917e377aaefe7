"""Pressline's Streamlit app: page scripts under ui/pages/, and one module per job for them to share.

The app only calls the guidance engine's public API (assistant.Engine) and the ingest's run_ingest,
read_state and index_status; every rule lives in the engine, none here.
"""
