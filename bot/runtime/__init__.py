"""Starting and running the servers: the launcher, the rasa command with its patches (all listed in
patches.py), the action server, and the system packages the tests need."""
