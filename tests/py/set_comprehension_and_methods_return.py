s = {1, 2}
print(s.add(3), s.update([4]), s.discard(9), s.clear(), s)
t = {x for x in "hello" if x != "l"} == {"h", "e", "o"}
print(t, {x // 2 for x in range(10)}, len({(i, i) for i in range(5)}))
print(set("abc") == set("cba"), {1, 2} ^ {2, 3} == {1, 3}, frozenset("ab") | frozenset("bc") == frozenset("abc"))
