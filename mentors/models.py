"""Models of the mentors app."""
