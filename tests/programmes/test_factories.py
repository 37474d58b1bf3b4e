from programmes.models import Traineeship
from tests.programmes.factories import PlacementFactory, TraineeshipFactory


def test_factory_builds_a_valid_traineeship(personas):
    traineeship = TraineeshipFactory(organisation=personas.organisation)
    traineeship.full_clean()
    assert traineeship.programme.owner == personas.organisation
    placement = PlacementFactory(traineeship=traineeship)
    placement.full_clean()
    assert Traineeship.objects.visible_to(personas.hr).filter(pk=traineeship.pk).exists()
    assert not Traineeship.objects.visible_to(personas.other_hr).exists()
