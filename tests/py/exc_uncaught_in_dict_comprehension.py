prices = {"apple": "1.5", "pear": "two"}
converted = {k: float(v) for k, v in prices.items()}
