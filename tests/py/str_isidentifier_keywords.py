for s in ["abc", "_", "__init__", "1a", "a-b", "", "λ", "x²", "ℕ", "def", "match", "None", "True", "a b", "١"]:
    print(repr(s), s.isidentifier())
