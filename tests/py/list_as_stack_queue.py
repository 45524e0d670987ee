stack = []
for i in range(5):
    stack.append(i)
print([stack.pop() for _ in range(3)], stack)
queue = list("abcde")
out = []
while queue:
    out.append(queue.pop(0))
    if len(out) == 2:
        queue.append("z")
print(out)
