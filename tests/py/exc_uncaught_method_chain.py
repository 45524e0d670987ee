class Node:
    def __init__(self, value, child=None):
        self.value = value
        self.child = child
    def depth_sum(self):
        return self.value + self.child.depth_sum()
tree = Node(1, Node(2, Node(3)))
print(tree.depth_sum())
