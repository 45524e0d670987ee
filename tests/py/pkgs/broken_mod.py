print("broken_mod partially runs")
value = 1
raise ValueError("broken on import")
