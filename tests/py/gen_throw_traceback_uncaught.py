def consumer():
    total = 0
    while True:
        item = yield total
        total += item
c = consumer()
next(c)
c.send(5)
c.send("oops")
