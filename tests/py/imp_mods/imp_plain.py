"""A plain module."""
print("imp_plain runs as", __name__)
VALUE = 7
_hidden = "h"


def twice(x):
    return 2 * x


class Box:
    def __init__(self, v):
        self.v = v
