def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
print(show(), show(1), show(1, x=2), show(*range(3), **dict(a=1)), show(*"ab", *[1], y=0, **{"z": 9}))
def wrapper(*a, **k):
    return show(*a, **k)
print(wrapper(1, 2, k=3))
def defaults(a=1, *args, b=2, **kw):
    return a, args, b, kw
print(defaults(), defaults(5, 6, b=7, c=8))
