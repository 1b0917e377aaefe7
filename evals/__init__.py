"""Pressline's evaluation: the golden set through the engine and a plain LangChain baseline, scored side by side.

`python -m evals` scores both and writes evals/results/<timestamp>/ and evals/results/summary.md;
`python -m evals.calibrate` helps choose the retrieval thresholds; `python -m evals.bench` measures speed and memory.
"""
