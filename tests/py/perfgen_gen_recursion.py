# Recursion through for-loops over generators and yield from chains reaches the recursion
# limit as a RecursionError (FOR_ITER_GEN / SEND_GEN count each level) and unwinds cleanly.


def nested(n):
    for x in nested(n + 1):
        yield x
    yield n


def delegating(n):
    yield from delegating(n + 1)
    yield n


for f in (nested, delegating):
    try:
        list(f(0))
    except RecursionError as e:
        print(f.__name__, "RecursionError:", e)

# the generators are usable again afterwards, and a shallow chain still works
def chain(n):
    if n:
        yield from chain(n - 1)
    yield n


print(list(chain(20)))
print(sum(x for x in chain(30)))
