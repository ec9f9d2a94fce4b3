"""The reader's dialogs (help, prompts, lists), pushed over the main screen."""
