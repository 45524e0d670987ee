class Base:
    def setup(self, name):
        self.name = name
class Child(Base):
    def setup(self):
        super().setup()
Child().setup()
