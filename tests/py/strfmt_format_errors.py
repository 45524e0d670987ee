tests = [("{:d}", 1.5), ("{:.2f}", "s"), ("{:x}", 1.5), ("{:,s}", "a"), ("{:=}", "a"), ("{:+s}", "a"), ("{:#s}", "a"), ("{!z}", 1), ("{:%}", 1j), ("{0:{1}}", 1)]
for fmt, arg in tests:
    try:
        print(fmt, fmt.format(arg))
    except (ValueError, TypeError, IndexError) as e:
        print(fmt, type(e).__name__, e)
