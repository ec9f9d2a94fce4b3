"""The reader's controllers: plain classes, one per concern, working through ``ui.host.Host``."""
