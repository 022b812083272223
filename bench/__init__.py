"""Queue-engine benchmarks: each budget from the performance issue, measured beside its floor.

Run with ``python -m bench`` (``make bench``). Every figure is measured in the same run as a
floor (the same work done with raw SQL on the raw driver, on the same data and the same
processes), so a noisy or slow machine moves both; the exit status is non-zero when a budget is
missed.
"""
