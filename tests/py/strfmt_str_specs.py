for s in ["", "a", "hello", "héllo", "日本"]:
    print(f"[{s:10}] [{s:>10}] [{s:^10}] [{s:.3}] [{s:-^9.2}] [{s!r:>12}]")
try:
    format("x", "d")
except ValueError as e:
    print(e)
try:
    format(1, "s")
except ValueError as e:
    print(e)
try:
    format(1.5, "d")
except ValueError as e:
    print(e)
