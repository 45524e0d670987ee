print(repr(" \t\n x \r\f\v".strip()), repr("\u3000x\u00a0".strip()), repr("xxhelloxy".strip("xy")), repr("abc".strip("")), repr("\x1cx\x1f".strip()))
print(repr("  a b  ".lstrip()), repr("--a--".rstrip("-")), repr("www.example.com".lstrip("w.")), repr("...".strip(".")))
