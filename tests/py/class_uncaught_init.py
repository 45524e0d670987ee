class Temperature:
    def __init__(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self.value = value
readings = [Temperature(v) for v in (20, -10)]
print(len(readings))
bad = Temperature(-300)
