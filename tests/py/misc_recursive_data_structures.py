a = [1]
a.append(a)
d = {"self": None}
d["self"] = d
print(a, d, a[1] is a, d["self"] is d)
t = ([],)
t[0].append(t)
print(t)
class Node:
    def __init__(self):
        self.next = self
    def __repr__(self):
        return "Node->" + ("self" if self.next is self else repr(self.next))
print(Node())
