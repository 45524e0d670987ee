log = []
def make(v):
    log.append(v)
    return v
def f(a=make(1), b=make(2)):
    return a, b
log.append("defined")
print(f(), f(10), log)
class C:
    def m(self, x=make("class default")):
        return x
print(C().m(), log)
