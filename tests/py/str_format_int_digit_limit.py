# The 4300-digit int -> decimal text limit in format(), f-strings, str.format and %d (not for x/b/e).
big = 10**5000
for f in [lambda: format(big, 'd'), lambda: format(big, ''), lambda: '%d' % big, lambda: '%i' % -big, lambda: f'{big:,}', lambda: len(format(big, 'x')),
          lambda: len('%x' % big), lambda: '{}'.format(big), lambda: format(big, 'e'), lambda: format(big, '>10'), lambda: len(format(10**4299, 'd')),
          lambda: len(format(-10**4299, '_')), lambda: len('%d' % (10**4300 - 1)), lambda: '%d' % (10**4300), lambda: format(big, 'n'), lambda: len(format(big, 'b'))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
