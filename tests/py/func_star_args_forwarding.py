def target(a, b=0, *rest, key=None, **kw):
    return f"a={a} b={b} rest={rest} key={key} kw={kw}"
def forward(*args, **kwargs):
    return target(*args, **kwargs)
print(forward(1))
print(forward(1, 2, 3, key="k", extra=True))
print(forward(*[1, 2], **{"key": None}))
partial = lambda *a, **k: (lambda *a2, **k2: target(*a, *a2, **k, **k2))
print(partial(1, key="x")(2, 3, z=1))
