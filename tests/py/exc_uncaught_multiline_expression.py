def total(prices, qty):
    return (
        prices["apple"] * qty["apple"]
        + prices["pear"] * qty["pear"]
    )
print(total({"apple": 1, "pear": 2}, {"apple": 3, "pear": 4}))
print(total({"apple": 1}, {"apple": 3, "pear": 4}))
