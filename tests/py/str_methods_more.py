text = "one,two,,three"
print(text.split(","), text.split(",", 1), "a\tb c".split())
print("x".center(5) if hasattr("x", "center") else "no center", "Hello".index("l"))
print(" ".join(str(i) for i in range(5)))
print("abc".replace("", "-") if False else "skip", "banana".replace("a", "o", 2))
print("%s" if False else "fmt", "ABC".lower(), "Title Case Words".istitle() if hasattr("", "istitle") else "no istitle")
