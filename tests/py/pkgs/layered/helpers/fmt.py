from . import __name__ as pkg_name
def render(x):
    return f"<{x}> from {__name__} in {pkg_name}"
