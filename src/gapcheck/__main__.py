from gapcheck.cli import run

run()
