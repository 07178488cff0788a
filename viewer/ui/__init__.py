"""The widgets: the custom-painted timeline and its overview band, the main window and its panels.

Input (mouse, wheel, touchpad, keys) becomes a new `TimeScale`; painting goes through the one
`TimelinePainter` that the exports use too, so the window shows exactly what an export writes.
"""
