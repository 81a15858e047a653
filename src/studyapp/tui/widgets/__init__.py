"""Widgets and dialogs the screens are built from; widgets/browse/ holds the browse screen's.
A widget may import the core, the tui helpers and other widgets, never a screen."""
