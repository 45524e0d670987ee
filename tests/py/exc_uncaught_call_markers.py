def outer(n):
    return middle(n) + 1
def middle(n):
    return inner(n, n - 1)
def inner(a, b):
    return a / b
print(outer(3))
print(outer(1))
