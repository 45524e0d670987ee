pairs = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)]
print({k: v for k, v in pairs}, dict(pairs))
print({v % 2: k for k, v in pairs})
print({k: None for k in "mississippi"})
print(list({x % 5: x for x in range(20)}.items()))
