"""The ways people reach the advisor: REST, socket.io (the web widget), Slack, and the terminal chat; the
input checks and never-silent turns they share; the server of the widget's files."""
