for cls in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, UnicodeDecodeError, RecursionError, StopIteration, KeyboardInterrupt, ExceptionGroup, BaseExceptionGroup, ModuleNotFoundError, NotImplementedError, TimeoutError, BrokenPipeError, OverflowError, UnboundLocalError, TabError, StopAsyncIteration, GeneratorExit, SystemExit]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:]])
print(issubclass(KeyError, LookupError), issubclass(Exception, BaseException), issubclass(SystemExit, Exception), EnvironmentError is OSError, IOError is OSError)
