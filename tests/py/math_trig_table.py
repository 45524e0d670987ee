import math
for deg in range(0, 361, 45):
    r = math.radians(deg)
    print(deg, f"{math.sin(r):.6f}", f"{math.cos(r):.6f}", f"{math.atan2(math.sin(r), math.cos(r)):.6f}")
print(f"{math.asin(1):.10f} {math.acos(0):.10f} {math.degrees(math.atan(1)):.10f}")
