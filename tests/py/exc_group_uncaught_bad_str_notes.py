# A member whose __str__ fails and one whose __notes__ lookup fails.
class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")

class Raiser:
    def __get__(self, obj, owner=None):
        raise ValueError("no notes")

class BadNotes(Exception):
    __notes__ = Raiser()

raise ExceptionGroup("bad", [BadStr(), BadNotes("n")])
