"""One module per step (its rules, edits and helpers, and its `STEP` definition) and the registry.

`workshop.core.steps.registry.STEPS` is the ONE ordered list of steps. Never imports Textual.
"""
