z = 3.14159 + 2.71828j
for spec in ["", ".2f", ".3e", "g", "^30", "+.1f", ">25.2f", ".0f"]:
    print(repr(spec), format(z, spec))
print(f"{1j:.1f}", f"{-1.5-0j}", f"{complex(1, -0.0)}")
