"""gunicorn's settings for every server of the project (gunicorn reads ./gunicorn.conf.py itself).

The command line still names the application, address and workers; this file holds what each
worker does once, for steadier response times.
"""

import gc


def post_worker_init(worker):
    # Django, the URL patterns and the settings live as long as the worker; frozen, the garbage
    # collector's full passes no longer walk them (a full pass took ~100 ms in the middle of a page).
    gc.collect()
    gc.freeze()
