def a():
    raise KeyError("a")
def b():
    try:
        a()
    except KeyError as e:
        raise ValueError("b") from e
def c():
    try:
        b()
    except ValueError:
        raise TypeError("c")
try:
    c()
except TypeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append((type(cur).__name__, str(cur), cur.__cause__ is not None, cur.__context__ is not None, cur.__suppress_context__))
        cur = cur.__cause__ or cur.__context__
    print(chain)
c()
