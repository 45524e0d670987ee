d = {"k": "v", "n": 3}
print(f"{d['k']} {d["n"]} {'"'} {"'"}")
print(f"{'\n'.join(['a', 'b'])}")
print(f"{f"{f"{1 + 1}"}"}")
items = [1, 2, 3]
print(f"{
    sum(items)
    # comment inside replacement field
}")
x = 5
print(f"{x!r:>4}{'|'}{x:{'>'}{4}}", f"{'abc'[1:]}", f"{x:#{'x'}}")
print(f"{3.14159:.{x - 3}f}", f"{'nested ' + f'{x * 2}'}", F"{x}", rf"\d{x}", fr"{x}\n")
