# An exception raised in a generator resumed by gen.send() in a loop, uncaught: its traceback
# goes through the sending line and the generator's frame.
def worker():
    total = 0
    while True:
        v = yield total
        total += 10 // v


def main():
    w = worker()
    next(w)
    for i in range(20, -1, -1):
        w.send(i)


main()
