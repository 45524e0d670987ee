class Node:
    def __init__(self, depth):
        self.child = Node(depth + 1) if depth < 50 else None
n = Node(0)
d = 0
while n.child is not None:
    n = n.child
    d += 1
print("depth", d)
class Forever:
    def __init__(self):
        self.x = Forever()
try:
    Forever()
except RecursionError as e:
    print("RecursionError:", e)
print("recovered")
