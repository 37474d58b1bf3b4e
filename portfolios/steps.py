"""The stappenplan checks this app owns (see programmes.steps.Check)."""

# Step 1: the trainee starts with a self-evaluation.
STEP1 = []
# Step 4: the development plan with approved learning goals.
STEP4 = []
# Step 5: the final evaluation signed by mentor and trainee.
STEP5 = []
