class K:
    def __hash__(self): return hash('os')
    def __eq__(self, o): return o == 'os'
print(hash(K()) == hash('os'), K() in {'os'})
class B:
    def __hash__(self): return 2**64 + 5
print(hash(B()))
class C:
    def __hash__(self): return -1
print(hash(C()))
class D:
    def __hash__(self): return 2**61 - 1
print(hash(D()))
class E(int):
    def __hash__(self): return True
print(hash(E(3)))
class F:
    def __hash__(self): return -2**70
print(hash(F()) == hash(-2**70))
class G:
    def __hash__(self): return 1.5
try:
    hash(G())
except TypeError as e:
    print(e)
d = {K(): 1}
print(d['os'], 'os' in {K()})
