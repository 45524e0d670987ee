x = "before"
[x for x in range(3)]
print(x)
y = [i for i in range(3)]
try:
    i
except NameError as e:
    print(e)
for j in range(3):
    pass
print(j)
def f():
    return [k for k in range(2)], "k" in dir()
print(f())
