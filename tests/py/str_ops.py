print("ab" + "cd", "ab" * 3, 3 * "x", "" * 5, "ab" * -1, "b" in "abc", "" in "abc", "d" not in "abc")
print("abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", "abc" == "abc", "a" != "b")
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    "a" * 1.5
except TypeError as e:
    print(e)
try:
    "a" < 1
except TypeError as e:
    print(e)
