"""Where conversations and channel state are kept: the SQL tracker store, the Redis lock store, Slack's keys."""
