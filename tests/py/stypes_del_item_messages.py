# del o[key] on objects without item deletion: CPython's two wordings.
class S:
    def __len__(self): return 0
for o in [S(), 5, 'ab', (1,), b'x', {}.keys(), int.__dict__, range(3), 1.5, None]:
    for k in ('k', 0, True):
        try:
            del o[k]
        except (TypeError, IndexError) as e: print(type(e).__name__, e)
