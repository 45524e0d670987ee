from .. import something
