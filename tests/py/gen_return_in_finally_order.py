log = []
def g():
    try:
        log.append("start")
        yield 1
        log.append("resumed")
    finally:
        log.append("finally")
for v in g():
    log.append(f"got {v}")
print(log)
log.clear()
it = g(); next(it); del it
print(log)
def nested():
    for i in range(3):
        try:
            yield i
        finally:
            print("inner finally", i)
n = nested(); print(next(n), next(n)); n.close()
