people = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cid", 31, "la"), ("dee", 25, "nyc"), ("eve", 40, "sf"), ("fay", 31, "sf")]
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: (-p[1], p[2])))
print(sorted(people, key=lambda p: p[2], reverse=True))
by_city = sorted(sorted(people, key=lambda p: p[0], reverse=True), key=lambda p: p[2])
print(by_city)
