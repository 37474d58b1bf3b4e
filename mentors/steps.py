"""The stappenplan checks this app owns (see programmes.steps.Check)."""

# Step 3: every placement has a mentor. Filled in by the mentors work.
STEP3 = []
# Step 4: progress meetings are under way (e.g. the kick-off meeting is held).
STEP4 = []
