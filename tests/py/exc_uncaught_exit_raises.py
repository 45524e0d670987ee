class Bad:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise KeyError("from __exit__")
with Bad():
    raise ValueError("original in body")
