def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []))
def safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe(1), safe(2))
n = 5
def capture(v=n):
    return v
n = 6
print(capture(), append_to.__defaults__, capture.__defaults__, safe.__kwdefaults__)
def kd(*, a=1, b):
    return a, b
print(kd(b=2), kd.__kwdefaults__)
