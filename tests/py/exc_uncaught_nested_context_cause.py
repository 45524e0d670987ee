class DataError(Exception):
    pass
def read(rows):
    total = 0
    for r in rows:
        try:
            total += r["value"]
        except KeyError as e:
            try:
                total += r["fallback"]
            except KeyError:
                raise DataError(f"row {r} has no value") from e
    return total
print(read([{"value": 1}, {"fallback": 2}]))
read([{"value": 1}, {"other": 3}])
