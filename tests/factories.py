"""The base of every factory: one stored-state refresh per factory call, not one per saved row."""

from factory.django import DjangoModelFactory

from programmes import state


class ModelFactory(DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _generate(cls, strategy, params):
        # Sub- and related factories save rows one by one; the state is computed once, when the
        # outermost factory returns, so a test sees the same fresh state as before.
        with state.deferred():
            return super()._generate(strategy, params)
