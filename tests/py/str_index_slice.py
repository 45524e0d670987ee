s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[::2], s[1::3], s[::-1], s[-3:-1], s[5:2], s[5:2:-1], s[100:], s[-100:2])
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[0] = "z"
except TypeError as e:
    print(e)
try:
    s["a"]
except TypeError as e:
    print(e)
