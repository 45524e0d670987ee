found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    else:
        continue
    break
print(found)
out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)
i = 0
while i < 10:
    i += 1
    try:
        if i == 3:
            continue
        if i == 5:
            break
    finally:
        out.append(-i)
print(out)
