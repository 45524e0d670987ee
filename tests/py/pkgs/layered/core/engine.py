from ..helpers import fmt
from .. import helpers
NAME = "engine"
def run(x):
    return fmt.render(x)
