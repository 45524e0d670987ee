class Loop:
    def __repr__(self):
        return f"Loop({self!r})"
print(repr(Loop()))
