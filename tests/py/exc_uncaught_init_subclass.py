class Base:
    def __init_subclass__(cls, **kwargs):
        if not hasattr(cls, "required"):
            raise TypeError(f"{cls.__name__} must define 'required'")
class Good(Base):
    required = True
print("Good defined")
class Bad(Base):
    pass
