s = f"{x!z}"
