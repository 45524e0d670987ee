import sys
during = sys.modules[__name__].__spec__._initializing
import startup_spec_state as me
assert me is sys.modules[__name__]
