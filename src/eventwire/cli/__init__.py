"""The command-line interface (typer). Thin: each command calls one library function."""
