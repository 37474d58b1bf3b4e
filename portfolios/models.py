"""Models of the portfolios app."""
