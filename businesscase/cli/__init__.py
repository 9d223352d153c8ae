"""The `businesscase` command line.

A command is a short process, so its start-up counts: pydantic looks for plugins of other
packages (their entry points, read from every installed package's metadata) when it builds the
first model, about 15 ms of every command; the command line uses none, so it says so before
anything imports pydantic. A user who does use a pydantic plugin can set the variable."""

import os

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
