# Inside a method, a NameError for an attribute of `self` suggests `self.name`.
class Thermometer:
    def __init__(self):
        self.temperature = 20

    def read(self):
        return temperature


Thermometer().read()
