"""Command-line interface ``xboson``. Each ``cmd_*.py`` module adds one subcommand."""
