x, y, name = 10, 3.14159, "world"
print(f"{x} {y:.2f} {name!r} {name.upper()} {x * 2 + 1} {x:>5} {x:<5}| {x:^7}|")
print(f"{'nested'} {f'{x}'} {x=} {y = :.1f} {name=!s}")
print(f"{{}} {x:#x} {x:08b} {1e6:,.0f} {-0.0} {[1, 2][0]} {dict(a=1)['a']}")
w = 8
print(f"{y:{w}.{3}} {'abc':>{w}} {3 + 4j} {None} {True:d} {True}")
print(f"{'multi' + 'ple'}" f" parts {x}", f"""triple {x}
line""")
items = ["a", "b"]
print(f"{', '.join(items)} {len(items)} {items!r:>12}")
