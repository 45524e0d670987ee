async def main():
    value = await 5
main().send(None)
