"""PDF exports of the portfolio: one module per export, sharing the stylesheet and the fetcher in ``base``."""
