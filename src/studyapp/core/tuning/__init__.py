"""Fitting FSRS-6 to the learner: parameters from their own review history, and the evidence.

``items`` turns the history into what fsrs-rs trains on (day-based, what is invalid
skipped and counted); ``metrics`` scores predictions (log loss, RMSE(bins), AUC);
``model`` is the bridge to ``fsrs_rs_python`` (fit, predict); ``evaluate`` compares
parameter sets on a time-based split; ``retention`` suggests a desired retention and
simulates the workload; ``presets`` adopts a fitted set (keeping the previous one) or
goes back; ``run`` does it all, in steps a caller can follow and cancel.

May import ``base``, ``decks``, ``store`` and ``study``. ``fsrs_rs_python`` is imported
only by ``model`` and ``retention``, when a fit or a simulation runs: never at start-up
nor on the answer path.
"""
