s = "héllo wörld ✓ 𝄞"
print(s, len(s), s[1], s[-1], s[12], s.upper())
print([c for c in "aé✓"], ord("é"), chr(233), chr(0x1D11E), ascii("é✓"))
print(repr("é"), "é" < "z", "ü".upper())
