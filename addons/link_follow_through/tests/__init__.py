from . import test_decisions_act
from . import test_decision_acts_tour
