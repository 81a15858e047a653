"""Screens: one module per full-screen view (home, study, quiz, results, browse, stats...).
A screen may import the core, the tui helpers and widgets; no widget imports a screen."""
