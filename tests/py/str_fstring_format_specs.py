# f-strings with FORMAT_SPEC: nested specs, conversions, debug '=', numbers and strings.
x, y, name, w = 10, 3.14159, "wörld", 8
print(f"{x} {y:.2f} {name!r} {name.upper()} {x * 2:>{w}} {x:{w}} {x:^{w}}|")
print(f"{x=} {y = :.1f} {name=!s} {x:#b} {x:08b} {1000000:,} {-0.0:z.1f} {1e-7:g} {y:{'.3' + 'e'}}")
print(f"{'abc':*^9} {'é':>3} {3.5!r:>6} {[1, 2]!s:>8} {None!r} {True:>6} {x:+} {-x: } {x:%}")
print(f"{{x}} {{{x}}} {x!a} {'é'!a} {f'{x:>3}':<5}| {x:_x} {2**70:_} {2**70:,d}")
for spec in ["10.4f", "e", "%", ",.3f", "+g", "^10.2"]:
    print(f"{y:{spec}}|{-y:{spec}}|")
try:
    print(f"{x:q}")
except ValueError as e:
    print(e)
try:
    print(f"{name:d}")
except ValueError as e:
    print(e)
try:
    print(f"{object():x}")
except TypeError as e:
    print(e)
