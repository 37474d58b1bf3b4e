"""Files stored while building data shared by several tests, put back before each test.

Shared data (the URL matrix's world, the quality suites' demo data) lives in a transaction
that is rolled back at the end; a test's own changes are rolled back with its savepoint.
Files on disk are not: a request that erases a person deletes their files at once. This
keeps the files stored while building the shared data and restores any that went missing.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


class KeptFiles:
    def __init__(self, build):
        """Run ``build()`` and keep what it stored under MEDIA_ROOT; ``self.built`` is its result."""
        media = Path(settings.MEDIA_ROOT)
        before = set(media.rglob("*"))
        self.built = build()
        self.files = {
            str(path.relative_to(media)): path.read_bytes() for path in set(media.rglob("*")) - before if path.is_file()
        }

    def restore(self) -> None:
        for name, content in self.files.items():
            if not default_storage.exists(name):
                assert default_storage.save(name, ContentFile(content)) == name
