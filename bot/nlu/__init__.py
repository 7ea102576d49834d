"""What Rasa trains and runs on each message: the components of config.yml and the importer that makes the form's
questions from knowledge/."""
