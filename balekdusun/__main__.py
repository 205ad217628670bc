from balekdusun.cli import main

main()
