for s in ["abc", "日本", "é", "e\u0301"]:
    print(f"[{s.center(7, '·')}] [{s.ljust(6, '_')}] [{s.rjust(6, '→')}] [{s.zfill(6)}]")
try:
    "x".center(5, "ab")
except TypeError as e:
    print(e)
