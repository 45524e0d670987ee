# An uncaught BaseExceptionGroup raised "from None" with a nested class (qualname) and a note.
class AppError(Exception):
    class Nested(Exception):
        pass

def g():
    try:
        raise AppError.Nested("qualname")
    except Exception as e:
        e.add_note("note on nested")
        raise BaseExceptionGroup("base", [e, KeyboardInterrupt()]) from None
g()
