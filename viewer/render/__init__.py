"""Drawing the timeline: pure geometry (scale, ticks) and the Qt painting built on it."""
