fn = "report_2024.tar.gz"
print(fn.endswith((".gz", ".zip")), fn.startswith(("log", "rep")), fn.endswith(".tar", 0, 15), fn.startswith("2024", 7), fn.endswith(()), fn.startswith(("",)))
try:
    fn.startswith(["rep"])
except TypeError as e:
    print(e)
