print(None.__hash__() == hash(None), None.__repr__(), None.__bool__(), None.__eq__(None), None.__ne__(1))
print(type(None).__hash__(None) == hash(None), None.__str__(), None.__sizeof__() > 0, None.__format__(""))
print(NotImplemented.__repr__(), Ellipsis.__repr__(), Ellipsis.__eq__(...))
h = None.__hash__
print(h.__self__ is None, h.__name__)
