"""String work: building, slicing, joining, searching and the common str methods."""
N = 220_000


def run(n):
    total = 0
    parts = []
    for i in range(n):
        s = "Item-" + str(i) + "-" + "xyz"[i % 3] * (i % 5)
        u = s.upper()
        if u.startswith("ITEM-1"):
            total += 1
        total += u.find("-") + len(s.split("-")) + s.count("x")
        parts.append(s.replace("-", "_").lower())
        if len(parts) >= 100:
            joined = ",".join(parts)
            total += len(joined) + joined.count("item_") + len(joined.strip("0123456789,"))
            total += sum(1 for p in joined.split(",") if p.endswith("z"))
            parts.clear()
    text = " ".join(str(i) for i in range(2000))
    for _ in range(20):
        total += len(text.title()) + text.rfind("1999") + len(text.partition(" 1000 ")[2])
    return total


print("checksum", run(N))
