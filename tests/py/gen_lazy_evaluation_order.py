log = []
def src():
    for i in range(3):
        log.append(f"produce {i}")
        yield i
def mapper(it):
    for v in it:
        log.append(f"map {v}")
        yield v * 10
for v in mapper(src()):
    log.append(f"consume {v}")
print("\n".join(log))
